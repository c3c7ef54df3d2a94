package cn.dzn.talent.brokers;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.common.DateRange;
import cn.dzn.talent.professionals.Professional;
import cn.dzn.talent.professionals.ProfessionalRole;
import cn.dzn.talent.professionals.ProfessionalService;
import cn.dzn.talent.professionals.ProfessionalStatus;

/**
 * The 科技伯乐 programme (seed 001 §10) as a resource of the kit at {@code /api/brokers}, owned by
 * the bureau that runs it. Admission takes an active 技术经纪人 of the bureau's region;
 * {@code evaluate} scores a period and applies the exit and award rules ({@link BrokerRules});
 * {@code withdraw} ends membership by the bureau's decision. Whatever writes a broker, API or
 * sync, the history and its consequences are judged the same way in {@link #checkChange}.
 */
@Configuration
class BrokerResource extends ResourceDeclaration<BrokerInput, Broker> {

    private final ProfessionalService professionals;
    private final BrokerRules rules;
    private final Clock clock;

    BrokerResource(ProfessionalService professionals, BrokerIndexProperties index, Clock clock) {
        super("/api/brokers", "brokers", BrokerInput.class, Broker.class, BrokerInput::regionCode);
        this.professionals = professionals;
        this.rules = new BrokerRules(index);
        this.clock = clock;
    }

    @Bean
    RecordStore<BrokerInput, Broker> brokerStore(ResourceKit kit) {
        return kit.store(this);
    }

    /** A professional is admitted once; the record keeps its history after an exit. */
    @Override
    public String naturalId(BrokerInput input) {
        return input.talentId();
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("status", BrokerStatus.class));
    }

    @Override
    public void check(BrokerInput input, List<FieldError> errors) {
        List<Agreement> agreements = input.agreements() == null ? List.of() : input.agreements();
        for (int i = 0; i < agreements.size(); i++) {
            DateRange.check(agreements.get(i).from(), agreements.get(i).to(), "agreements[" + i + "].to", errors);
        }
    }

    @Override
    public void checkChange(Caller caller, BrokerInput stored, BrokerInput input, List<FieldError> errors) {
        if (input == null) {
            if (stored != null && !stored.history().isEmpty()) {
                errors.add(new FieldError("", "an evaluated broker's record is kept; withdraw the broker instead"));
            }
            return;
        }
        if (stored != null && stored.status() != BrokerStatus.ACTIVE) {
            if (!stored.normalised().equals(input.normalised())) {
                errors.add(new FieldError("status", "the broker left the programme (" + stored.status()
                        + "); the record is final"));
            }
            return;
        }
        if (stored == null) {
            checkAdmission(input, errors);
        }
        rules.checkHistory(stored == null ? List.of() : stored.history(), input.history(), LocalDate.now(clock), errors);
        if (errors.isEmpty()) {
            rules.checkStanding(input, errors);
        }
    }

    /** 科技伯乐 are selected professional 技术经纪人 (seed 001 §10: "科技伯乐(专业技术经纪人)"). */
    private void checkAdmission(BrokerInput input, List<FieldError> errors) {
        Professional professional = professionals.lookup(input.talentId())
                .filter(found -> RegionCode.of(input.regionCode()).contains(found.regionCode())).orElse(null);
        if (professional == null) {
            errors.add(new FieldError("talentId", "no professional " + input.talentId() + " in region "
                    + input.regionCode()));
        } else if (professional.role() != ProfessionalRole.BROKER) {
            errors.add(new FieldError("talentId", "科技伯乐 are 技术经纪人 (seed 001 §10); " + input.talentId()
                    + " is a " + professional.role()));
        } else if (professional.status() != ProfessionalStatus.ACTIVE) {
            errors.add(new FieldError("talentId", input.talentId() + " is " + professional.status()
                    + "; only an active professional is admitted"));
        }
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("evaluate", EvaluationRequest.class, "Scores a period against the index; "
                        + "the broker exits after the configured periods in a row below the threshold, or is flagged "
                        + "for award"),
                new Transition("withdraw", WithdrawalRequest.class, "Ends an active broker's membership, saying why"));
    }

    @Override
    public BrokerInput transition(Caller caller, String name, Broker current, Object body) {
        if (current.status() != BrokerStatus.ACTIVE) {
            throw Problems.of(HttpStatus.CONFLICT, "broker-state", current.id() + " left the programme ("
                    + current.status() + ")");
        }
        BrokerInput broker = current.input();
        if (body instanceof WithdrawalRequest withdrawal) {
            return broker.with(broker.history(), BrokerStatus.WITHDRAWN, withdrawal.reason(), false);
        }
        EvaluationRequest request = (EvaluationRequest) body;
        Evaluation next = rules.evaluate(request.period(), request.points());
        List<FieldError> errors = new ArrayList<>();
        List<Evaluation> history = broker.history();
        rules.checkNew(history.isEmpty() ? null : history.get(history.size() - 1), next, "", LocalDate.now(clock),
                errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        List<Evaluation> after = BrokerRules.plus(history, next);
        BrokerRules.Decision decision = rules.decide(after);
        return broker.with(after, decision.exits() ? BrokerStatus.EXITED : BrokerStatus.ACTIVE,
                decision.exitReason(), decision.outstanding());
    }

    /** Brokers in the programme now, and those flagged for award, for the zone overview. */
    @Override
    public Map<String, Figure> figures() {
        return Map.of("brokersActive", Figure.count(eq("status", BrokerStatus.ACTIVE.name())),
                "brokersOutstanding", Figure.count(and(eq("status", BrokerStatus.ACTIVE.name()), eq("outstanding", true))));
    }
}
