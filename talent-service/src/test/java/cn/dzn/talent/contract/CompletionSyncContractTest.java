package cn.dzn.talent.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import cn.dzn.platform.test.SyncContractTest;
import cn.dzn.talent.Fixtures;
import cn.dzn.talent.bases.CompletionInput;

/**
 * Training completions keep the kit's sync contract under their natural key, derived from baseId and talentId; a
 * completion belongs to its base's region, so the outside record is one at a Suzhou base.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CompletionSyncContractTest extends SyncContractTest {

    @BeforeEach
    void bases() {
        Fixtures.synced(http(), "/api/talent-bases", Map.of("cb-" + scope + "-own", Fixtures.base("基地", writerRegion()),
                "cb-" + scope + "-other", Fixtures.base("基地", outsideRegion())));
    }

    @Override
    protected String path() {
        return "/api/talent-bases/completions";
    }

    @Override
    protected String collection() {
        return "training_completions";
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
        String base = "cb-" + scope + (region.equals(writerRegion()) ? "-own" : "-other");
        return Fixtures.completion(base, "440100.t" + scope + "-" + n, region, "PK-1", "PL-1");
    }

    @Override
    protected String id(Map<String, Object> data, int n) {
        return CompletionInput.key((String) data.get("baseId"), (String) data.get("talentId"));
    }

    @Override
    protected Map<String, Object> invalid(Map<String, Object> valid) {
        Map<String, Object> broken = new HashMap<>(valid);
        broken.put("courses", List.of());
        return broken;
    }
}
