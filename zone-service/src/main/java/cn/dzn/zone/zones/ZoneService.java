package cn.dzn.zone.zones;

import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.or;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.mongo.RegionFilters;
import cn.dzn.platform.mongo.VersionedCollection;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.regions.Tier;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * Zones and who may see or change them: the bureaus of the owning region and of every member
 * city see a zone; only a caller whose region contains the owning region changes it.
 */
@Service
public class ZoneService {

    private final VersionedCollection<Zone> zones;
    private final Clock clock;

    public ZoneService(MongoDatabase database, Clock clock) {
        this.zones = new VersionedCollection<>(database.getCollection("zones", Zone.class), "zone");
        this.zones.raw().createIndex(Indexes.ascending("regionCode"));
        this.zones.raw().createIndex(Indexes.ascending("memberCities"));
        this.clock = clock;
    }

    public Zone create(Caller caller, ZoneInput input) {
        caller.requireWrite(input.regionCode());
        checkMembers(input);
        var now = clock.instant();
        return zones.insert(new Zone(new ObjectId().toHexString(), input.name(), input.regionCode(),
                List.copyOf(input.memberCities()), input.approvalDocument(), input.approvedOn(), input.batch(),
                statusOf(input), listOf(input.leadingIndustries()), false, input.note(), now, now, 1));
    }

    public Zone get(Caller caller, String id) {
        return zones.get(id, visibleTo(caller));
    }

    public Page<Zone> list(Caller caller, PageRequest page) {
        return zones.page(visibleTo(caller), page);
    }

    public Zone update(Caller caller, String id, ZoneInput input, long expectedVersion) {
        Zone current = get(caller, id);
        caller.requireWrite(current.regionCode());
        caller.requireWrite(input.regionCode());
        checkMembers(input);
        Zone updated = new Zone(id, input.name(), input.regionCode(), List.copyOf(input.memberCities()),
                input.approvalDocument(), input.approvedOn(), input.batch(), statusOf(input),
                listOf(input.leadingIndustries()), current.sample(), input.note(), current.createdAt(),
                clock.instant(), current.version());
        return zones.replace(updated, expectedVersion, ownedBy(caller));
    }

    public void delete(Caller caller, String id, long expectedVersion) {
        Zone current = get(caller, id);
        caller.requireWrite(current.regionCode());
        zones.delete(id, expectedVersion, ownedBy(caller));
    }

    /** Members are cities or districts (上海闵行 is a district), never a province or the nation. */
    private static void checkMembers(ZoneInput input) {
        List<FieldError> errors = new ArrayList<>();
        List<String> members = input.memberCities();
        for (int i = 0; i < members.size(); i++) {
            Tier tier = RegionCode.of(members.get(i)).tier();
            if (tier != Tier.CITY && tier != Tier.DISTRICT) {
                errors.add(new FieldError("memberCities[" + i + "]", "must be a city or district code, not a " + tier));
            }
        }
        if (members.stream().distinct().count() != members.size()) {
            errors.add(new FieldError("memberCities", "must not repeat a city"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }

    private static Bson visibleTo(Caller caller) {
        if (caller.region().equals(RegionCode.NATIONAL)) {
            return empty();
        }
        return or(RegionFilters.inside("regionCode", caller.region()),
                RegionFilters.anyInside("memberCities", caller.region()));
    }

    private static Bson ownedBy(Caller caller) {
        return RegionFilters.inside("regionCode", caller.region());
    }

    private static ZoneStatus statusOf(ZoneInput input) {
        return input.status() == null ? ZoneStatus.APPROVED : input.status();
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
