package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;

/**
 * What talent-service's sync contract tests share: Guangzhou writes, Suzhou lies outside it, ids
 * are the client's own unless the resource has natural keys, and a record missing
 * {@code required} is invalid. Each resource says how a record of a region looks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class TalentSyncContract extends SyncContractTest {

    private final String path;
    private final String collection;
    private final String required;

    TalentSyncContract(String path, String collection, String required) {
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
}
