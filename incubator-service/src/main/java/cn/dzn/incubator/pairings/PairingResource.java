package cn.dzn.incubator.pairings;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.bson.conversions.Bson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorKind;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * Pairings of overseas incubators with local ones (结对子, seed 002 §28: "探索海外孵化器与深圳本地孵化器结对子
 * 方式，实现境内外孵化器联动发展") as a resource of the kit at {@code /api/incubators/pairings}.
 *
 * <p>Rules: the overseas side is an overseas incubator and the local side is not (never itself,
 * never another overseas one); the local one lies in the overseas incubator's home city (§28 pairs
 * Shenzhen's overseas incubators with Shenzhen's own, 本地孵化器; a province-level one pairs within
 * its province); neither is closed when a pair is proposed or confirmed. The overseas incubator's
 * region keeps the pairing: its bureau proposes, confirms ({@code confirm}) and ends
 * ({@code end}) pairs; the overseas incubator's own key proposes and ends its own but cannot
 * confirm them (the city leads the pilot, §28 责任单位 市科技创新委); the local incubator's key reads
 * the pairings it is a side of. PROPOSED → ACTIVE → ENDED; PROPOSED → ENDED (withdrawn); ENDED is final.
 */
@Configuration
class PairingResource extends ResourceDeclaration<PairingInput, Pairing> {

    static final String PATH = "/api/incubators/pairings";

    private static final Map<PairingStatus, Set<PairingStatus>> NEXT = Map.of(
            PairingStatus.PROPOSED, EnumSet.of(PairingStatus.PROPOSED, PairingStatus.ACTIVE, PairingStatus.ENDED),
            PairingStatus.ACTIVE, EnumSet.of(PairingStatus.ACTIVE, PairingStatus.ENDED),
            PairingStatus.ENDED, EnumSet.noneOf(PairingStatus.class));

    private final IncubatorService incubators;

    PairingResource(IncubatorService incubators) {
        super(PATH, "pairings", PairingInput.class, Pairing.class, PairingInput::regionCode);
        this.incubators = incubators;
    }

    @Bean
    RecordStore<PairingInput, Pairing> pairingStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public String naturalId(PairingInput input) {
        return input.overseasId() == null || input.localId() == null ? null
                : PairingInput.key(input.overseasId(), input.localId());
    }

    /** {@code /api/incubators/pairings/moves} is the moves' resource. */
    @Override
    public Set<String> reservedIds() {
        return Set.of("moves");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("overseasId"), ListFilter.of("localId"),
                ListFilter.of("status", PairingStatus.class));
    }

    @Override
    public void checkReferences(PairingInput input, List<FieldError> errors) {
        if (input.overseasId().equals(input.localId())) {
            return;
        }
        Incubator overseas = incubators.lookup(input.overseasId()).orElse(null);
        if (overseas == null) {
            errors.add(new FieldError("overseasId", "no incubator " + input.overseasId()));
        } else if (!overseas.isOverseas()) {
            errors.add(new FieldError("overseasId", input.overseasId() + " is not an overseas incubator"));
        } else if (!overseas.regionCode().equals(input.regionCode())) {
            errors.add(new FieldError("regionCode", "a pairing belongs to the overseas incubator's region, "
                    + overseas.regionCode()));
        }
        Incubator local = incubators.lookup(input.localId()).orElse(null);
        if (local == null) {
            errors.add(new FieldError("localId", "no incubator " + input.localId()));
        } else if (local.kind() == IncubatorKind.OVERSEAS_INCUBATOR) {
            errors.add(new FieldError("localId", "an overseas incubator pairs with a local incubator or maker space,"
                    + " never with another overseas one (seed 002 §28)"));
        } else if (overseas != null && overseas.isOverseas() && !homeCity(overseas).contains(local.regionCode())) {
            errors.add(new FieldError("localId", input.localId() + " lies outside " + homeCity(overseas)
                    + ", the overseas incubator's home city: §28 pairs it with a local incubator (seed 002)"));
        }
    }

    @Override
    public void check(PairingInput input, List<FieldError> errors) {
        if (input.overseasId().equals(input.localId())) {
            errors.add(new FieldError("localId", "an overseas incubator does not pair with itself"));
        }
        PairingStatus status = input.status();
        if (status == PairingStatus.PROPOSED && input.startedOn() != null) {
            errors.add(new FieldError("startedOn", "a PROPOSED pairing has not started"));
        }
        if (status == PairingStatus.ACTIVE && input.startedOn() == null) {
            errors.add(new FieldError("startedOn", "is required for an ACTIVE pairing"));
        }
        if (status != PairingStatus.ENDED && input.endedOn() != null) {
            errors.add(new FieldError("endedOn", "belongs to an ENDED pairing only"));
        }
        if (status == PairingStatus.ENDED && input.endedOn() == null) {
            errors.add(new FieldError("endedOn", "is required for an ENDED pairing"));
        }
        if (input.startedOn() != null && input.endedOn() != null && input.endedOn().isBefore(input.startedOn())) {
            errors.add(new FieldError("endedOn", "is before startedOn " + input.startedOn()));
        }
    }

    /** The city of the overseas incubator's home region (its province if it belongs to one). */
    static RegionCode homeCity(Incubator overseas) {
        RegionCode home = RegionCode.of(overseas.regionCode());
        return home.tier() == Tier.DISTRICT ? RegionCode.of(home.code().substring(0, 4) + "00") : home;
    }

    @Override
    public void checkChange(Caller caller, PairingInput stored, PairingInput input, List<FieldError> errors) {
        if (stored != null && stored.equals(input)) {
            return;
        }
        Optional<String> own = BoundCallers.incubatorOf(caller);
        PairingInput record = input != null ? input : stored;
        if (own.isPresent() && !own.get().equals(record.overseasId())) {
            errors.add(new FieldError("overseasId", "a pairing is kept by its overseas incubator and the bureau;"
                    + " the local incubator reads it"));
            return;
        }
        if (input == null) {
            if (own.isPresent()) {
                errors.add(new FieldError("", "an incubator's own key ends a pairing; its bureau deletes records"));
            }
            return;
        }
        PairingStatus from = stored == null ? null : stored.status();
        if (from == null && input.status() == PairingStatus.ENDED) {
            errors.add(new FieldError("status", "a pairing is first recorded PROPOSED or ACTIVE"));
        } else if (from != null && !NEXT.get(from).contains(input.status())) {
            errors.add(new FieldError("status", from == PairingStatus.ENDED ? "the pairing ENDED; that is final"
                    : "a " + from + " pairing cannot become " + input.status()));
        } else if (own.isPresent() && input.status() == PairingStatus.ACTIVE && from != PairingStatus.ACTIVE) {
            errors.add(new FieldError("status", "the bureau confirms a pairing; the overseas incubator proposes it"));
        } else if (from == PairingStatus.ACTIVE && !Objects.equals(stored.startedOn(), input.startedOn())) {
            errors.add(new FieldError("startedOn", "the pairing started on " + stored.startedOn() + "; that stays"));
        }
        if (input.status() != PairingStatus.ENDED && from != input.status()) {
            for (String id : List.of(input.overseasId(), input.localId())) {
                incubators.lookup(id).filter(Incubator::isClosed).ifPresent(closed -> errors.add(new FieldError(
                        id.equals(input.overseasId()) ? "overseasId" : "localId",
                        id + " closed on " + closed.closedOn())));
            }
        }
    }

    /** An incubator's own key sees the pairings it is a side of, whichever region keeps them. */
    @Override
    public Bson visibleTo(Caller caller) {
        Optional<String> own = BoundCallers.incubatorOf(caller);
        return own.isEmpty() ? super.visibleTo(caller) : or(eq("overseasId", own.get()), eq("localId", own.get()));
    }

    /** The day of the change. */
    record DayRequest(@NotNull @PastOrPresent LocalDate on) {
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("confirm", DayRequest.class,
                        "The bureau confirms a PROPOSED pairing from the day given (not an incubator's own key)"),
                new Transition("end", DayRequest.class,
                        "End a PROPOSED or ACTIVE pairing on the day given (the bureau, or the overseas incubator's key); final"));
    }

    @Override
    public PairingInput transition(Caller caller, String name, Pairing current, Object body) {
        PairingInput now = new PairingInput(current.overseasId(), current.localId(), current.regionCode(),
                current.status(), current.startedOn(), current.endedOn(), current.note(), null);
        LocalDate on = ((DayRequest) body).on();
        if (name.equals("confirm")) {
            BoundCallers.requireBureau(caller, "confirm a pairing");
            if (current.status() != PairingStatus.PROPOSED) {
                throw Problems.of(HttpStatus.CONFLICT, "pairing-state", "only a PROPOSED pairing is confirmed; this"
                        + " one is " + current.status());
            }
            return now.moved(PairingStatus.ACTIVE, on, null);
        }
        if (current.status() == PairingStatus.ENDED) {
            throw Problems.of(HttpStatus.CONFLICT, "pairing-state", "the pairing ENDED on " + current.endedOn());
        }
        if (current.startedOn() != null && on.isBefore(current.startedOn())) {
            throw Problems.invalid(List.of(new FieldError("on", "is before the pairing started, " + current.startedOn())));
        }
        return now.moved(PairingStatus.ENDED, current.startedOn(), on);
    }

    @Override
    public Map<String, Figure> figures() {
        return Map.of("activePairings", Figure.count(eq("status", PairingStatus.ACTIVE.name())),
                "proposedPairings", Figure.count(eq("status", PairingStatus.PROPOSED.name())));
    }
}
