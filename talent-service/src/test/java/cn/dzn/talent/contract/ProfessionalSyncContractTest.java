package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.talent.Fixtures;

/** Professionals keep the kit's sync contract under their natural key regionCode.ref. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProfessionalSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/talents";
    }

    @Override
    protected String collection() {
        return "professionals";
    }

    @Override
    protected String writerRegion() {
        return "440100";
    }

    @Override
    protected String outsideRegion() {
        return "320500";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.professional(region, "c" + scope + "-" + n, n % 2 == 0 ? "BROKER" : "MANAGER");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return data.get("regionCode") + "." + data.get("ref");
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("employer");
        return broken;
    }
}
