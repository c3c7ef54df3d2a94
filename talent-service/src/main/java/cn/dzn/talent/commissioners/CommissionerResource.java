package cn.dzn.talent.commissioners;

import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.common.DateRange;
import cn.dzn.talent.common.Unique;

/**
 * S&T commissioner and expert-team assignments as a resource of the kit at
 * {@code /api/commissioners}; the kit's figures count them as {@code commissionerAssignments},
 * the ones still running apart.
 */
@Configuration
class CommissionerResource extends ResourceDeclaration<CommissionerInput, Commissioner> {

    private final Clock clock;

    CommissionerResource(Clock clock) {
        super("/api/commissioners", "commissioner_assignments", CommissionerInput.class, Commissioner.class,
                CommissionerInput::regionCode);
        this.clock = clock;
    }

    @Bean
    RecordStore<CommissionerInput, Commissioner> commissionerStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("kind", AssignmentKind.class),
                new ListFilter("outcome", "outcome.status", AssignmentOutcome.Status.class));
    }

    /**
     * A commissioner is one person, named by reference; a team has a name and at least two
     * members. A finished assignment says what came of it; a completed one has ended.
     */
    @Override
    public void check(CommissionerInput input, List<FieldError> errors) {
        boolean person = input.kind() == AssignmentKind.COMMISSIONER;
        if (person != (input.personRef() != null)) {
            errors.add(new FieldError("personRef", person ? "names the commissioner; required" : "belongs to a COMMISSIONER only"));
        }
        if (person == (input.teamName() != null && !input.teamName().isBlank()) || person == (input.teamSize() != null)) {
            errors.add(new FieldError("teamName", person ? "teamName and teamSize belong to an EXPERT_TEAM only"
                    : "an EXPERT_TEAM has a teamName and a teamSize"));
        }
        DateRange.check(input.from(), input.to(), "to", errors);
        Unique.check(input.services(), service -> service, "services", "service", errors);
        AssignmentOutcome outcome = input.outcome();
        Unique.check(outcome.contractNumbers(), number -> number, "outcome.contractNumbers", "contract", errors);
        if (outcome.status() != AssignmentOutcome.Status.ONGOING
                && (outcome.summary() == null || outcome.summary().isBlank())) {
            errors.add(new FieldError("outcome.summary", "says what came of a finished assignment; required"));
        }
        if (outcome.status() == AssignmentOutcome.Status.COMPLETED && input.to().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("outcome.status", "a COMPLETED assignment has ended; this one runs to " + input.to()));
        }
    }

    @Override
    public Map<String, Figure> figures() {
        return Map.of("commissionerAssignmentsOngoing", Figure.count(eq("outcome.status",
                AssignmentOutcome.Status.ONGOING.name())));
    }
}
