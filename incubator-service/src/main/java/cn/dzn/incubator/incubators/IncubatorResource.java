package cn.dzn.incubator.incubators;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * Incubators, maker spaces and overseas incubators as a resource of the kit (docs/sync.md) at
 * {@code /api/incubators}, beside the registrations, tenants and pairings the service serves under
 * the same prefix (their segments are reserved ids). A bureau reads and keeps the records of its
 * region; an incubator's own key ({@link BoundCallers}) sees its own record only and keeps its
 * figures current, never what its bureau decides (name, kind, level, legal entity, host country
 * and city, region), and may close it but not reopen it.
 *
 * <p>Figures for the zone overview: every live record ({@code incubators}), by kind and by level,
 * by kind and level together, the closed ones, and Shenzhen's new maker spaces since its plan
 * (seed 002 §18, {@link MakerSpaceTarget}).
 */
@Configuration
class IncubatorResource extends ResourceDeclaration<IncubatorInput, Incubator> {

    static final String PATH = "/api/incubators";

    private final Clock clock;

    IncubatorResource(Clock clock) {
        super(PATH, "incubators", IncubatorInput.class, Incubator.class, IncubatorInput::regionCode);
        this.clock = clock;
    }

    @Bean
    RecordStore<IncubatorInput, Incubator> incubatorStore(ResourceKit kit) {
        return kit.store(this);
    }

    /** The segments under {@code /api/incubators} the service serves itself. */
    @Override
    public Set<String> reservedIds() {
        return Set.of("registrations", "tenants", "pairings", "targets");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("kind", IncubatorKind.class), ListFilter.of("level", IncubatorLevel.class));
    }

    @Override
    public void check(IncubatorInput input, List<FieldError> errors) {
        HostCountry.check(input.kind(), input.hostCountry(), input.hostCity(), errors);
        if (input.level() != null && input.kind() == IncubatorKind.OVERSEAS_INCUBATOR) {
            errors.add(new FieldError("level", "levels are recognised against the domestic standards (DOMAIN.md,"
                    + " Incubation); an overseas incubator has none"));
        }
        if (input.areaSqm() != null && input.tenantAreaSqm() != null && input.tenantAreaSqm() > input.areaSqm()) {
            errors.add(new FieldError("tenantAreaSqm", "is more than the whole space, " + input.areaSqm() + " m²"));
        }
        if (input.servicesOffered() != null && new HashSet<>(input.servicesOffered()).size() < input.servicesOffered().size()) {
            errors.add(new FieldError("servicesOffered", "names a service twice"));
        }
        if (input.operatingSince() != null && input.closedOn() != null && input.closedOn().isBefore(input.operatingSince())) {
            errors.add(new FieldError("closedOn", "is before it started operating on " + input.operatingSince()));
        }
    }

    /**
     * Who may change what: an incubator's own key only its figures (and close itself), a bureau
     * anything of its region but a level above its own tier: a level is recognised, or withdrawn,
     * by the tier it names or one above it (a city cannot make an incubator national).
     */
    @Override
    public void checkChange(Caller caller, IncubatorInput stored, IncubatorInput input, List<FieldError> errors) {
        if (stored != null && stored.equals(input)) {
            return;
        }
        Optional<String> own = BoundCallers.incubatorOf(caller);
        if (own.isPresent()) {
            checkOwnKey(stored, input, errors);
            return;
        }
        IncubatorLevel before = stored == null ? null : stored.level();
        IncubatorLevel after = input == null ? null : input.level();
        if (!Objects.equals(before, after)) {
            for (IncubatorLevel level : new IncubatorLevel[] {before, after}) {
                if (level != null && caller.region().tier().ordinal() > level.recognisedBy().ordinal()) {
                    errors.add(new FieldError("level", "a " + level + " level is recognised or withdrawn by a "
                            + level.recognisedBy() + " bureau or one above it, not by " + caller.region()));
                }
            }
        }
    }

    private static void checkOwnKey(IncubatorInput stored, IncubatorInput input, List<FieldError> errors) {
        if (stored == null) {
            errors.add(new FieldError("", "an incubator's own key keeps its own record; it creates none"));
            return;
        }
        if (input == null) {
            errors.add(new FieldError("", "an incubator's own key does not delete its record; it may close it"));
            return;
        }
        Map<String, Object[]> decided = new LinkedHashMap<>();
        decided.put("name", new Object[] {stored.name(), input.name()});
        decided.put("kind", new Object[] {stored.kind(), input.kind()});
        decided.put("level", new Object[] {stored.level(), input.level()});
        decided.put("legalEntity", new Object[] {stored.legalEntity(), input.legalEntity()});
        decided.put("hostCountry", new Object[] {stored.hostCountry(), input.hostCountry()});
        decided.put("hostCity", new Object[] {stored.hostCity(), input.hostCity()});
        decided.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                errors.add(new FieldError(field, "is its bureau's to change, not the incubator's own key's"));
            }
        });
        if (stored.closedOn() != null && !Objects.equals(stored.closedOn(), input.closedOn())) {
            errors.add(new FieldError("closedOn", "the incubator closed on " + stored.closedOn()
                    + "; only its bureau reopens it"));
        }
    }

    /** Visible to an incubator's own key: its own record only. */
    @Override
    public Bson visibleTo(Caller caller) {
        Optional<String> own = BoundCallers.incubatorOf(caller);
        return own.isEmpty() ? super.visibleTo(caller) : and(super.visibleTo(caller), eq("_id", own.get()));
    }

    /** The day it closed: from then on its own key stops working. */
    record CloseRequest(@NotNull @PastOrPresent LocalDate on) {
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("close", CloseRequest.class,
                "Record the day the incubator closed (its bureau or its own key); its own key stops at once"));
    }

    @Override
    public IncubatorInput transition(Caller caller, String name, Incubator current, Object body) {
        LocalDate on = ((CloseRequest) body).on();
        if (current.closedOn() != null) {
            throw Problems.of(HttpStatus.CONFLICT, "incubator-state", "the incubator closed on " + current.closedOn());
        }
        if (current.operatingSince() != null && on.isBefore(current.operatingSince())) {
            throw Problems.invalid(List.of(new FieldError("on", "is before it started operating on "
                    + current.operatingSince())));
        }
        if (on.isAfter(Formats.today(clock))) {
            throw Problems.invalid(List.of(new FieldError("on", "is in the future")));
        }
        return inputOf(current).closed(on);
    }

    static IncubatorInput inputOf(Incubator record) {
        return new IncubatorInput(record.name(), record.regionCode(), record.kind(), record.level(),
                record.legalEntity(), record.hostCountry(), record.hostCity(), record.operatingSince(), record.areaSqm(),
                record.tenantAreaSqm(), record.workstations(), record.seedFundWan(), record.mentors(),
                record.servicesOffered(), record.statisticsYears(), record.residentTeams(),
                record.firmsFoundedLastYear(), record.teamsFinancedLastYear(), record.eventsLastYear(),
                record.closedOn(), record.note(), null);
    }

    @Override
    public Map<String, Figure> figures() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        Map<IncubatorKind, String> kinds = Map.of(IncubatorKind.INCUBATOR, "businessIncubators",
                IncubatorKind.MAKER_SPACE, "makerSpaces", IncubatorKind.OVERSEAS_INCUBATOR, "overseasIncubators");
        kinds.forEach((kind, name) -> figures.put(name, Figure.count(eq("kind", kind.name()))));
        for (IncubatorLevel level : IncubatorLevel.values()) {
            String suffix = level.name().charAt(0) + level.name().substring(1).toLowerCase();
            figures.put(suffix.toLowerCase() + "Level", Figure.count(eq("level", level.name())));
            for (IncubatorKind kind : List.of(IncubatorKind.INCUBATOR, IncubatorKind.MAKER_SPACE)) {
                figures.put(kinds.get(kind) + suffix, Figure.count(and(eq("kind", kind.name()),
                        eq("level", level.name()))));
            }
        }
        figures.put("closedIncubators", Figure.count(and(exists("closedOn"), ne("closedOn", null))));
        figures.put(MakerSpaceTarget.FIGURE, Figure.count(MakerSpaceTarget.newMakerSpaces()));
        return figures;
    }
}
