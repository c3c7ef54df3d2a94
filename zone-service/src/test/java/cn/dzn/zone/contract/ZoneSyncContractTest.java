package cn.dzn.zone.contract;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.CitySyncContract;

/** Zones keep the kit's sync contract; their ids are the client's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ZoneSyncContractTest extends CitySyncContract {

    ZoneSyncContractTest() {
        super("/api/zones", "zones", "memberCities");
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Map.of("name", "片区 " + scope + " " + n, "regionCode", region, "memberCities", List.of(region));
    }
}
