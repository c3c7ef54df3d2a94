package cn.dzn.zone.zones;

import static com.mongodb.client.model.Filters.empty;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordStore;

/**
 * What other features ask of zones. The API's zone operations are the kit's (docs/sync.md);
 * these reads see every live zone whoever asks, for checks and roll-ups that must reach zones
 * the caller's own view does not (is the city a member, who leads the zone, which zones rank).
 */
@Service
public class ZoneService {

    private final RecordStore<ZoneInput, Zone> zones;

    ZoneService(RecordStore<ZoneInput, Zone> zones) {
        this.zones = zones;
    }

    /** A zone the caller sees, or 404. */
    public Zone get(Caller caller, String id) {
        return zones.get(caller, id);
    }

    public Optional<Zone> lookup(String id) {
        return zones.lookup(id);
    }

    /** Every live zone, for national roll-ups such as the evaluation ranking. */
    public List<Zone> all() {
        return zones.liveRecords(empty());
    }
}
