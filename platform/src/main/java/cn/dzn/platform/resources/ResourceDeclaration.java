package cn.dzn.platform.resources;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.bson.conversions.Bson;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.regions.RegionFilters;

/**
 * A kind of record a region owns, declared once: where it lives, what a client sends and reads,
 * how its id is made, whose region a record belongs to, who may change it and what a caller may
 * see. {@link ResourceKit#store} turns a declaration into a {@link RecordStore}; every store bean
 * gets the whole HTTP surface at {@link #path()} (docs/sync.md): create, read, update and delete
 * with versions, keyset paging, sync, the change feed, the audit trail and its figures. A service
 * adds only its domain rules, here or in a service of its own.
 *
 * @param <I> the input type a client sends (stored as the record's content)
 * @param <V> the type a record is read as
 */
public abstract class ResourceDeclaration<I, V> {

    private final String path;
    private final String collection;
    private final Class<I> inputType;
    private final Class<V> viewType;
    private final Function<I, String> regionOf;

    /**
     * @param path       where the resource is served, e.g. {@code /api/zones}
     * @param collection the collection its records are kept in
     * @param regionOf   the region a record belongs to, e.g. {@code ZoneInput::regionCode}
     */
    protected ResourceDeclaration(String path, String collection, Class<I> inputType, Class<V> viewType,
            Function<I, String> regionOf) {
        this.path = path;
        this.collection = collection;
        this.inputType = inputType;
        this.viewType = viewType;
        this.regionOf = regionOf;
    }

    public final String path() {
        return path;
    }

    public final String collection() {
        return collection;
    }

    public final Class<I> inputType() {
        return inputType;
    }

    public final Class<V> viewType() {
        return viewType;
    }

    public final String regionOf(I input) {
        return regionOf.apply(input);
    }

    /**
     * Content rules Bean Validation cannot express that the record alone decides (its own fields,
     * regions, reference data such as indicator definitions); add what is wrong to {@code errors}.
     */
    public void check(I input, List<FieldError> errors) {
    }

    /**
     * Content rules that read other records of this deployment (a report's zone, a tenant's
     * incubator). Not judged for a record relayed from its origin, which judged them against its
     * own records: each resource's feed goes up on its own, so here the record it names may not
     * have arrived yet, or not in its latest version (docs/federation.md).
     */
    public void checkReferences(I input, List<FieldError> errors) {
    }

    /**
     * The record's natural key, for a resource whose records are identified by their content
     * (a report per zone, city and period): a client may leave the id out, or must name this
     * one. Null (the default) when the service chooses ids (creates get a fresh one) and a
     * synced record names its own.
     */
    public String naturalId(I input) {
        return null;
    }

    /** Whether this declaration names records by their content ({@link #naturalId} is overridden). */
    final boolean usesNaturalIds() {
        try {
            return getClass().getMethod("naturalId", Object.class).getDeclaringClass() != ResourceDeclaration.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Who may make this change, judged against the record as stored ({@code stored} is null for
     * a new record, {@code input} null for a deletion): state machines and the write rules beyond
     * "a writer of the record's region". Runs for sync and API writes alike, after the version
     * check. Add what is wrong to {@code errors}.
     */
    public void checkChange(Caller caller, I stored, I input, List<FieldError> errors) {
    }

    /**
     * {@link #checkChange(Caller, Object, Object, List)} for a rule that needs the record's id,
     * such as whether anything else still hangs on the record being deleted; the kit calls this one.
     */
    public void checkChange(Caller caller, String id, I stored, I input, List<FieldError> errors) {
        checkChange(caller, stored, input, errors);
    }

    /** The records the caller may read; by default those whose region lies inside its own. */
    public Bson visibleTo(Caller caller) {
        return RegionFilters.inside("regionCode", caller.region());
    }

    /**
     * Ids a record may not take because the service serves something of its own at
     * {@code path()/id} (lists serve {@code /items}); {@code sync}, {@code changes} and
     * {@code audit} are reserved always.
     */
    public Set<String> reservedIds() {
        return Set.of();
    }

    /** Query parameters the list accepts, each narrowing it to records whose field equals the value. */
    public List<ListFilter> listFilters() {
        return List.of();
    }

    /** Named state changes served as {@code POST {path}/{id}/{name}} with If-Match. */
    public List<Transition> transitions() {
        return List.of();
    }

    /**
     * The record {@code current} becomes under the transition {@code name}, or a problem (403 for
     * the wrong caller, 409 for the wrong state) when it may not; {@code body} is bound to the
     * transition's body type (null when it has none). The result is written like any update, so
     * {@link #checkChange} judges it too.
     */
    public I transition(Caller caller, String name, V current, Object body) {
        throw Problems.notFound("transition " + name);
    }

    /**
     * Figures beyond the count of all live records (named after the collection, e.g.
     * {@code talentBases} for {@code talent_bases}) that {@code /internal/figures} offers, by name.
     */
    public Map<String, Figure> figures() {
        return Map.of();
    }

    /**
     * A list's query parameter {@code parameter} matching the stored {@code field}; an enum
     * {@code type} refuses (400) a value that is none of its constants.
     */
    public record ListFilter(String parameter, String field, Class<?> type) {

        public static ListFilter of(String parameter) {
            return new ListFilter(parameter, parameter, String.class);
        }

        public static ListFilter of(String parameter, Class<? extends Enum<?>> type) {
            return new ListFilter(parameter, parameter, type);
        }

        Object value(String text) {
            if (!type.isEnum()) {
                return text;
            }
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return text;
                }
            }
            throw Problems.badRequest(parameter + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /**
     * One number of {@code /internal/figures}, over the live records inside the asked regions that
     * {@code filter} accepts: their count, or the sum of a whole-number field (amounts in 万元 or
     * fen, say).
     */
    public record Figure(Bson filter, String sumOf) {

        public static Figure count(Bson filter) {
            return new Figure(filter, null);
        }

        public static Figure sum(String field, Bson filter) {
            return new Figure(filter, field);
        }
    }

    /**
     * A named state change: {@code bodyType} is what its request carries (null for no body),
     * {@code summary} what it does, for the API's documentation.
     */
    public record Transition(String name, Class<?> bodyType, String summary) {
    }
}
