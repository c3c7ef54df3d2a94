package cn.dzn.talent.professionals;

import static com.mongodb.client.model.Filters.eq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import cn.dzn.talent.bases.CompletionService;
import cn.dzn.talent.common.Unique;

/**
 * Tech-transfer professionals as a resource of the kit at {@code /api/talents}, under the natural
 * key {@code regionCode.ref}, owned by the bureau of their region. Readers see them inside their
 * own region only (the kit's default) and never see personal data: the view has none. A level
 * is raised only as {@link LevelRules} allow, through the API and sync alike; {@code promote}
 * raises it one step.
 */
@Configuration
class ProfessionalResource extends ResourceDeclaration<ProfessionalInput, Professional> {

    private final CompletionService completions;
    private final StoredProfessionals stored;
    private final LevelRules rules;

    ProfessionalResource(CompletionService completions, StoredProfessionals stored, LevelProperties levels) {
        super("/api/talents", StoredProfessionals.COLLECTION, ProfessionalInput.class, Professional.class,
                ProfessionalInput::regionCode);
        this.completions = completions;
        this.stored = stored;
        this.rules = new LevelRules(levels);
    }

    @Bean
    RecordStore<ProfessionalInput, Professional> professionalStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public String naturalId(ProfessionalInput input) {
        return input.regionCode() == null || input.ref() == null ? null : input.regionCode() + "." + input.ref();
    }

    /** {@code /api/talents/progress} is the progress against the talent targets (ProgressController). */
    @Override
    public Set<String> reservedIds() {
        return Set.of("progress");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("role", ProfessionalRole.class), ListFilter.of("level", Level.class),
                ListFilter.of("status", ProfessionalStatus.class));
    }

    /** A deal counts once toward a level, so a contract is named once. */
    @Override
    public void check(ProfessionalInput input, List<FieldError> errors) {
        Unique.check(input.deals(), Deal::contractNumber, "deals", "contract", errors);
    }

    @Override
    public void checkChange(Caller caller, ProfessionalInput before, ProfessionalInput input, List<FieldError> errors) {
        if (input == null) {
            return;
        }
        LevelRules.Evidence evidence = new LevelRules.Evidence(completions.modulesCompletedBy(naturalId(input)),
                input.deals() == null ? 0 : input.deals().size());
        rules.judge(before == null ? null : before.level(), input.level(), input.status(), evidence)
                .forEach(violation -> errors.add(new FieldError("level", violation.message())));
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("promote", null,
                "Raises the professional one level when the level rules hold (409 naming each rule that does not)"));
    }

    @Override
    public ProfessionalInput transition(Caller caller, String name, Professional current, Object body) {
        if (current.level() == Level.SENIOR) {
            throw Problems.of(HttpStatus.CONFLICT, "level", current.id() + " is 高级 already, the highest level");
        }
        ProfessionalInput input = stored.input(current.id()).orElseThrow(() -> Problems.notFound("talent " + current.id()));
        return input.atLevel(Level.values()[current.level().ordinal() + 1]);
    }

    /** Professionals by level, for the zone overview. */
    @Override
    public Map<String, Figure> figures() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            String name = level.name().charAt(0) + level.name().substring(1).toLowerCase();
            figures.put("professionals" + name, Figure.count(eq("level", level.name())));
        }
        return figures;
    }
}
