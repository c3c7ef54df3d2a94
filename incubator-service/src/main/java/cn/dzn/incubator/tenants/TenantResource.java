package cn.dzn.incubator.tenants;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.time.LocalDate;
import java.util.EnumSet;
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

import cn.dzn.incubator.incubators.Incubator;
import cn.dzn.incubator.incubators.IncubatorService;
import cn.dzn.incubator.incubators.BoundCallers;
import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;
import cn.dzn.platform.resources.ResourceDeclaration;
import cn.dzn.platform.resources.ResourceKit;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Tenants (在孵企业) as a resource of the kit at {@code /api/incubators/tenants}. The kit does not
 * nest paths, so tenants are a resource of their own naming their incubator, under the incubators'
 * prefix (which the gateway already routes here); {@code GET /api/incubators/{id}/tenants} reads
 * one incubator's ({@link TenantController}). One record per incubator and firm (natural key).
 *
 * <p>The state machine: a tenant is first recorded ADMITTED or INCUBATING; ADMITTED moves to
 * INCUBATING or EXITED, INCUBATING to GRADUATED or EXITED; GRADUATED and EXITED are final. The day
 * of a state it has left no longer changes. Moved through {@code start}, {@code graduate} and
 * {@code exit}, or by writing the record (sync): the same rules judge both. A closed incubator
 * admits no new tenant. An incubator's own key keeps its own tenants and deletes none.
 */
@Configuration
class TenantResource extends ResourceDeclaration<TenantInput, Tenant> {

    static final String PATH = "/api/incubators/tenants";

    private static final Map<TenantStatus, Set<TenantStatus>> NEXT = Map.of(
            TenantStatus.ADMITTED, EnumSet.of(TenantStatus.ADMITTED, TenantStatus.INCUBATING, TenantStatus.EXITED),
            TenantStatus.INCUBATING, EnumSet.of(TenantStatus.INCUBATING, TenantStatus.GRADUATED, TenantStatus.EXITED),
            TenantStatus.GRADUATED, EnumSet.noneOf(TenantStatus.class),
            TenantStatus.EXITED, EnumSet.noneOf(TenantStatus.class));

    private final IncubatorService incubators;

    TenantResource(IncubatorService incubators) {
        super(PATH, "tenants", TenantInput.class, Tenant.class, TenantInput::regionCode);
        this.incubators = incubators;
    }

    @Bean
    RecordStore<TenantInput, Tenant> tenantStore(ResourceKit kit) {
        return kit.store(this);
    }

    @Override
    public String naturalId(TenantInput input) {
        return input.incubatorId() == null || input.firmId() == null ? null
                : TenantInput.key(input.incubatorId(), input.firmId());
    }

    @Override
    public Set<String> reservedIds() {
        return Set.of("counts");
    }

    @Override
    public List<ListFilter> listFilters() {
        return List.of(ListFilter.of("incubatorId"), ListFilter.of("status", TenantStatus.class));
    }

    /** The incubator's region records its tenants; each state has its day, in order. */
    @Override
    public void checkReferences(TenantInput input, List<FieldError> errors) {
        Incubator incubator = incubators.lookup(input.incubatorId())
                .filter(found -> found.regionCode().equals(input.regionCode())).orElse(null);
        if (incubator == null) {
            errors.add(new FieldError("incubatorId", "no incubator " + input.incubatorId() + " in region "
                    + input.regionCode()));
        }
    }

    @Override
    public void check(TenantInput input, List<FieldError> errors) {
        TenantStatus status = input.status();
        boolean started = status == TenantStatus.INCUBATING || status == TenantStatus.GRADUATED;
        required("startedOn", input.startedOn(), started, status != TenantStatus.ADMITTED && !started, status, errors);
        required("graduatedOn", input.graduatedOn(), status == TenantStatus.GRADUATED, false, status, errors);
        required("exitedOn", input.exitedOn(), status == TenantStatus.EXITED, false, status, errors);
        required("exitReason", input.exitReason(), false, status == TenantStatus.EXITED, status, errors);
        notBefore("startedOn", input.startedOn(), "admittedOn", input.admittedOn(), errors);
        notBefore("graduatedOn", input.graduatedOn(), "startedOn", input.startedOn(), errors);
        notBefore("exitedOn", input.exitedOn(), "startedOn", input.startedOn(), errors);
        notBefore("exitedOn", input.exitedOn(), "admittedOn", input.admittedOn(), errors);
    }

    /** {@code value} is required when {@code needed}, allowed when {@code allowed}, else absent. */
    private static void required(String field, Object value, boolean needed, boolean allowed, TenantStatus status,
            List<FieldError> errors) {
        if (needed && value == null) {
            errors.add(new FieldError(field, "is required for a " + status + " tenant"));
        } else if (!needed && !allowed && value != null) {
            errors.add(new FieldError(field, "belongs to no " + status + " tenant"));
        }
    }

    private static void notBefore(String field, LocalDate day, String earlierField, LocalDate earlier,
            List<FieldError> errors) {
        if (day != null && earlier != null && day.isBefore(earlier)) {
            errors.add(new FieldError(field, "is before " + earlierField + " " + earlier));
        }
    }

    @Override
    public void checkChange(Caller caller, TenantInput stored, TenantInput input, List<FieldError> errors) {
        if (stored != null && stored.equals(input)) {
            return;
        }
        Optional<String> own = BoundCallers.incubatorOf(caller);
        TenantInput record = input != null ? input : stored;
        if (own.isPresent() && !own.get().equals(record.incubatorId())) {
            errors.add(new FieldError("incubatorId", "an incubator's own key keeps its own tenants only"));
            return;
        }
        if (input == null) {
            if (own.isPresent()) {
                errors.add(new FieldError("", "a tenant that left is EXITED, not deleted; its bureau deletes records"));
            }
            return;
        }
        if (stored == null) {
            if (input.status().isFinal()) {
                errors.add(new FieldError("status", "a tenant is first recorded ADMITTED or INCUBATING; it graduates"
                        + " or exits later"));
            }
            incubators.lookup(input.incubatorId()).filter(Incubator::isClosed).ifPresent(closed -> errors.add(
                    new FieldError("incubatorId", "the incubator closed on " + closed.closedOn()
                            + "; it admits no tenants")));
            return;
        }
        if (!NEXT.get(stored.status()).contains(input.status())) {
            errors.add(new FieldError("status", stored.status().isFinal()
                    ? "the tenant is " + stored.status() + "; that is final"
                    : "a " + stored.status() + " tenant cannot become " + input.status()));
            return;
        }
        if (stored.status() != TenantStatus.ADMITTED && !Objects.equals(stored.admittedOn(), input.admittedOn())) {
            errors.add(new FieldError("admittedOn", "the tenant is past ADMITTED; the day it was admitted stays "
                    + stored.admittedOn()));
        }
        if (stored.status() == TenantStatus.INCUBATING && input.status() != TenantStatus.INCUBATING
                && !Objects.equals(stored.startedOn(), input.startedOn())) {
            errors.add(new FieldError("startedOn", "the day it started incubating stays " + stored.startedOn()));
        }
    }

    @Override
    public Bson visibleTo(Caller caller) {
        Optional<String> own = BoundCallers.incubatorOf(caller);
        return own.isEmpty() ? super.visibleTo(caller) : and(super.visibleTo(caller), eq("incubatorId", own.get()));
    }

    /** The day of the state change. */
    record DayRequest(@NotNull @PastOrPresent LocalDate on) {
    }

    /** The day it left, and why. */
    record ExitRequest(@NotNull @PastOrPresent LocalDate on, @Size(max = 500) String reason) {
    }

    @Override
    public List<Transition> transitions() {
        return List.of(new Transition("start", DayRequest.class, "An ADMITTED tenant starts incubating on the day given"),
                new Transition("graduate", DayRequest.class, "An INCUBATING tenant graduates on the day given; final"),
                new Transition("exit", ExitRequest.class,
                        "An ADMITTED or INCUBATING tenant leaves without graduating on the day given; final"));
    }

    @Override
    public TenantInput transition(Caller caller, String name, Tenant current, Object body) {
        TenantInput now = new TenantInput(current.incubatorId(), current.regionCode(), current.firmName(),
                current.firmId(), current.status(), current.admittedOn(), current.startedOn(), current.graduatedOn(),
                current.exitedOn(), current.exitReason(), current.note(), null);
        TenantStatus from = current.status();
        TenantInput next = switch (name) {
            case "start" -> {
                requireState(from, TenantStatus.ADMITTED, TenantStatus.INCUBATING);
                LocalDate on = ((DayRequest) body).on();
                notBefore(on, "admittedOn", current.admittedOn());
                yield now.moved(TenantStatus.INCUBATING, on, null, null, null);
            }
            case "graduate" -> {
                requireState(from, TenantStatus.INCUBATING, TenantStatus.GRADUATED);
                LocalDate on = ((DayRequest) body).on();
                notBefore(on, "startedOn", current.startedOn());
                yield now.moved(TenantStatus.GRADUATED, current.startedOn(), on, null, null);
            }
            default -> {
                if (from.isFinal()) {
                    throw state(from, TenantStatus.EXITED);
                }
                ExitRequest exit = (ExitRequest) body;
                notBefore(exit.on(), "admittedOn", current.admittedOn());
                notBefore(exit.on(), "startedOn", current.startedOn());
                yield now.moved(TenantStatus.EXITED, current.startedOn(), null, exit.on(), exit.reason());
            }
        };
        return next;
    }

    private static void requireState(TenantStatus from, TenantStatus needed, TenantStatus to) {
        if (from != needed) {
            throw state(from, to);
        }
    }

    private static RuntimeException state(TenantStatus from, TenantStatus to) {
        return Problems.of(HttpStatus.CONFLICT, "tenant-state", "a " + from + " tenant cannot become " + to);
    }

    private static void notBefore(LocalDate day, String field, LocalDate earlier) {
        if (earlier != null && day.isBefore(earlier)) {
            throw Problems.invalid(List.of(new FieldError("on", "is before " + field + " " + earlier)));
        }
    }

    @Override
    public Map<String, Figure> figures() {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (TenantStatus status : TenantStatus.values()) {
            figures.put("tenants" + status.name().charAt(0) + status.name().substring(1).toLowerCase(),
                    Figure.count(eq("status", status.name())));
        }
        return figures;
    }
}
