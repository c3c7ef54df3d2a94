package cn.dzn.zone.zones;

import static com.mongodb.client.model.Filters.empty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Service;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.errors.Problems;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.sync.Candidate;
import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.WriteContext;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/**
 * The API's zone operations, each one record through the shared write path (so API writes land
 * in the change feed and the audit trail exactly as synced ones do), with HTTP's answers:
 * 404 outside the caller's view, 403 outside its region, 409 for a stale version.
 */
@Service
public class ZoneService {

    private static final Caller REFERENCE_CHECKS = new Caller("zone-service", RegionCode.NATIONAL, Set.of(Role.READ));

    private final RecordStore<ZoneInput, Zone> zones;
    private final ZoneResource resource;
    private final Clock clock;

    public ZoneService(RecordStore<ZoneInput, Zone> zones, ZoneResource resource, Clock clock) {
        this.zones = zones;
        this.resource = resource;
        this.clock = clock;
    }

    public Zone create(Caller caller, String requestId, ZoneInput input) {
        caller.requireWrite(input.regionCode());
        checked(input);
        return write(caller, requestId, Candidate.upsert(new ObjectId().toHexString(), null, input));
    }

    public Zone get(Caller caller, String id) {
        return zones.get(caller, id);
    }

    /**
     * A live zone whoever asks: for checks by other features (is the city a member, who leads the
     * zone) that must see the zone even where the caller's view does not reach.
     */
    public Optional<Zone> lookup(String id) {
        return zones.find(REFERENCE_CHECKS, id);
    }

    public Page<Zone> list(Caller caller, PageRequest page) {
        return zones.page(caller, empty(), page);
    }

    public Zone update(Caller caller, String requestId, String id, ZoneInput input, long expectedVersion) {
        Zone current = zones.get(caller, id);
        caller.requireWrite(current.regionCode());
        caller.requireWrite(input.regionCode());
        if (!current.regionCode().equals(input.regionCode())) {
            throw Problems.invalid(List.of(new FieldError("regionCode", "cannot change: the zone belongs to "
                    + current.regionCode())));
        }
        checked(input);
        return write(caller, requestId, Candidate.upsert(id, expectedVersion, input));
    }

    public void delete(Caller caller, String requestId, String id, long expectedVersion) {
        caller.requireWrite(zones.get(caller, id).regionCode());
        write(caller, requestId, Candidate.deletion(id, expectedVersion));
    }

    private Zone write(Caller caller, String requestId, Candidate<ZoneInput> candidate) {
        return zones.writeOne(WriteContext.api(caller, requestId, clock.instant()), candidate);
    }

    private void checked(ZoneInput input) {
        List<FieldError> errors = new ArrayList<>();
        resource.check(input, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }
}
