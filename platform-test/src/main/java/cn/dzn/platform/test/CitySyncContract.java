package cn.dzn.platform.test;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The sync contract as most resources run it: Guangzhou (440100) writes, Suzhou (320500) lies
 * outside its region, ids are the client's own, and a record missing {@code required} is
 * invalid. A resource says only how a record of a region looks ({@link #data}).
 */
public abstract class CitySyncContract extends SyncContractTest {

    private final String path;
    private final String collection;
    private final String required;

    protected CitySyncContract(String path, String collection, String required) {
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
