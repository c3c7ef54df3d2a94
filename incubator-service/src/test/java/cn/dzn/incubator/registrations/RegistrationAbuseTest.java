package cn.dzn.incubator.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.mongodb.client.MongoDatabase;

import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * Keyless registration under abuse (issue 17): bursts beyond the service's bucket, bodies past the
 * limit. A context of its own with a bucket of 5 refilled once a minute, and a database of its
 * own, so what it counts is only what it sent. (The same application twice: DuplicateRegistrationTest.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.mongodb.database=dzn_incubator_abuse", "dzn.incubator.registrations.burst=5",
    "dzn.incubator.registrations.per-minute=1"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationAbuseTest {

    private static final String PATH = "/api/incubators/registrations";

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase database;

    /** Before the burst: these are refused before the bucket is asked, and take nothing from it. */
    @Test
    @Order(1)
    void hugeOrMalformedBodiesAreRefusedAndStoreNothing() {
        TestHttp http = TestHttp.localhost(port);
        String huge = IncubatorTestBase.registration("巨大", "INCUBATOR", "440305", null)
                .replace("\"contactEmail\"", "\"description\": \"" + "长".repeat(1_100_000) + "\", \"contactEmail\"");
        IncubatorTestBase.assertProblem(http.post(PATH, huge), 413);
        String large = IncubatorTestBase.registration("较大", "INCUBATOR", "440305", null)
                .replace("\"contactEmail\"", "\"description\": \"" + "x".repeat(500_000) + "\", \"contactEmail\"");
        JsonNode tooLong = IncubatorTestBase.assertProblem(http.post(PATH, large), 400);
        assertThat(IncubatorTestBase.fields(tooLong)).containsExactly("description");
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        IncubatorTestBase.assertProblem(http.post(PATH, deep), 400);
        String deepInside = IncubatorTestBase.registration("嵌套", "INCUBATOR", "440305", null)
                .replace("\"contactEmail\"", "\"description\": " + "{\"a\": ".repeat(3_000) + "1"
                        + "}".repeat(3_000) + ", \"contactEmail\"");
        IncubatorTestBase.assertProblem(http.post(PATH, deepInside), 400);
        assertThat(database.getCollection("registrations").countDocuments()).isZero();
    }

    @Test
    @Order(2)
    void aBurstBeyondTheBucketIs429WithRetryAfterAndStoresNoMore() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<TestHttp.Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<TestHttp.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String body = IncubatorTestBase.registration("突发孵化器 " + i, "INCUBATOR", "440305", null);
                TestHttp client = TestHttp.localhost(port);
                sent.add(pool.submit(() -> {
                    start.await();
                    return client.post(PATH, body);
                }));
            }
            start.countDown();
            for (Future<TestHttp.Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<TestHttp.Response> accepted = answers.stream().filter(r -> r.status() == 202).toList();
        List<TestHttp.Response> limited = answers.stream().filter(r -> r.status() != 202).toList();
        assertThat(accepted).hasSize(5);
        assertThat(limited).hasSize(7);
        for (TestHttp.Response refused : limited) {
            JsonNode problem = IncubatorTestBase.assertProblem(refused, 429);
            assertThat(problem.path("type").asString()).isEqualTo(IncubatorTestBase.PROBLEM + "too-many-registrations");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        }
        assertThat(database.getCollection("registrations").countDocuments()).isEqualTo(5);
        // Still empty a moment later: one token a minute.
        IncubatorTestBase.assertProblem(TestHttp.localhost(port).post(PATH,
                IncubatorTestBase.registration("再来一个", "INCUBATOR", "440305", null)), 429);
        assertThat(database.getCollection("registrations").countDocuments()).isEqualTo(5);
    }
}
