package cn.dzn.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.OpenApiRules;
import cn.dzn.platform.test.TestHttp.Response;

/** talent-service's OpenAPI document keeps the rules every service's does (issue 14, finding 8). */
class ApiDocsTest extends TalentTestBase {

    @Test
    void theDocumentKeepsTheRules() {
        Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(OpenApiRules.violations(docs.json(), Set.of())).isEmpty();
        for (String path : new String[] {"/api/talent-bases", "/api/talent-bases/completions", "/api/talents",
                "/api/talents/{id}/promote", "/api/talents/{talentId}/personal", "/api/talents/progress", "/api/brokers",
                "/api/brokers/{id}/evaluate", "/api/brokers/{id}/withdraw", "/api/offshore-bases", "/api/commissioners"}) {
            assertThat(docs.json().path("paths").has(path)).as(path).isTrue();
        }
    }
}
