package cn.dzn.talent.contract;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import cn.dzn.talent.Fixtures;
import cn.dzn.talent.bases.CompletionInput;

/**
 * Training completions keep the kit's sync contract under their natural key, derived from
 * baseId and talentId; a completion belongs to its base's region, so the outside record is one at
 * a Suzhou base.
 */
class CompletionSyncContractTest extends TalentSyncContract {

    CompletionSyncContractTest() {
        super("/api/talent-bases/completions", "training_completions", "courses");
    }

    @BeforeEach
    void bases() {
        Fixtures.synced(http(), "/api/talent-bases", Map.of("cb-" + scope + "-own", Fixtures.base("基地", writerRegion()),
                "cb-" + scope + "-other", Fixtures.base("基地", outsideRegion())));
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
}
