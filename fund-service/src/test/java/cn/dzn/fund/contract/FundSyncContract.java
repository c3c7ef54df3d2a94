package cn.dzn.fund.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.platform.test.TestHttp;

/**
 * What the sync contracts of fund-service's resources share: a Guangzhou writer, a Suzhou record
 * outside its region, ids of the client's own, and a record made invalid by leaving out one
 * required field. The context is the API tests' own (FundServiceTestBase), started once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dzn.sample-data.enabled=true")
abstract class FundSyncContract extends SyncContractTest {

    private final String path;
    private final String collection;
    private final String required;

    FundSyncContract(String path, String collection, String required) {
        this.path = path;
        this.collection = collection;
        this.required = required;
    }

    @Override
    protected String path() {
        return path;
    }

    @Override
    protected String collection() {
        return collection;
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
    protected String id(Map<String, Object> data, int n) {
        return "contract-" + scope + "-" + n;
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.remove(required);
        return broken;
    }

    /** A record per region the contract writes in, the writer's and the outside one, made by {@code make}. */
    protected final Map<String, String> inBothRegions(BiFunction<TestHttp, String, String> make) {
        return Map.of(writerRegion(), make.apply(http(), writerRegion()), outsideRegion(),
                make.apply(http(), outsideRegion()));
    }
}
