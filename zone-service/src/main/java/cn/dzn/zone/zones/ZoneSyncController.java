package cn.dzn.zone.zones;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.dzn.platform.sync.RecordStore;
import cn.dzn.platform.sync.SyncEndpoints;

/** {@code /api/zones/sync}, {@code /changes} and {@code /audit} (docs/sync.md). */
@RestController
@RequestMapping("/api/zones")
public class ZoneSyncController extends SyncEndpoints<ZoneInput, Zone> {

    public ZoneSyncController(RecordStore<ZoneInput, Zone> zones) {
        super(zones);
    }
}
