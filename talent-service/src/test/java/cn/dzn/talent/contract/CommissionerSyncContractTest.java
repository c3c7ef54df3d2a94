package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.talent.Fixtures;

/** Commissioner assignments keep the kit's sync contract; their ids are the client's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommissionerSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/commissioners";
    }

    @Override
    protected String collection() {
        return "commissioner_assignments";
    }

    @Override
    protected String writerRegion() {
        return "420100";
    }

    @Override
    protected String outsideRegion() {
        return "510100";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.commissioner(region, "p" + scope + "-" + n);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("enterprise");
        return broken;
    }
}
