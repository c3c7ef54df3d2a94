package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.talent.Fixtures;

/** Offshore innovation bases keep the kit's sync contract; their ids are the client's own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OffshoreBaseSyncContractTest extends SyncContractTest {

    @Override
    protected String path() {
        return "/api/offshore-bases";
    }

    @Override
    protected String collection() {
        return "offshore_bases";
    }

    @Override
    protected String writerRegion() {
        return "440300";
    }

    @Override
    protected String outsideRegion() {
        return "440100";
    }

    @Override
    protected Map<String, Object> data(String region, int n) {
        return Fixtures.offshoreBase("离岸基地 " + scope + " " + n, region);
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove("operator");
        return broken;
    }
}
