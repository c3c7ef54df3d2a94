package cn.dzn.incubator.registrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import cn.dzn.incubator.IncubatorTestBase;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;
import tools.jackson.databind.JsonNode;

/**
 * The same application twice (issue 17): refused while the first is pending or once it was
 * approved, also when sent at once, also with the name spelt with other spaces, case or width;
 * after a rejection the incubator may apply again.
 */
class DuplicateRegistrationTest extends IncubatorTestBase {

    private static final String PATH = "/api/incubators/registrations";

    @Test
    void theSameApplicationWhilePendingOrApprovedIsA409ThatSaysNoMore() {
        String name = "Futian Maker 福田众创 " + scope;
        Response first = http.post(PATH, registration(name, "MAKER_SPACE", "440304", null));
        assertThat(first.status()).isEqualTo(202);
        long stored = collection("registrations").countDocuments();

        for (String again : List.of(name, "  " + name.toUpperCase() + " ", name.replace(" ", "  "),
                "ＦＵＴＩＡＮ Maker 福田众创 " + scope)) {
            JsonNode duplicate = assertProblem(http.post(PATH, registration(again, "INCUBATOR", "440304", null)), 409);
            assertThat(duplicate.path("type").asString()).isEqualTo(PROBLEM + "registration-duplicate");
            assertThat(duplicate.toString()).doesNotContain(first.json().path("id").asString(), "PENDING");
        }
        assertThat(collection("registrations").countDocuments()).isEqualTo(stored);
        // The same name in another region is another application.
        assertThat(http.post(PATH, registration(name, "MAKER_SPACE", "440305", null)).status()).isEqualTo(202);

        assertThat(http.post(PATH + "/" + first.json().path("id").asString() + "/approve", null, "Authorization",
                SHENZHEN, "If-Match", "\"1\"").status()).isEqualTo(200);
        assertProblem(http.post(PATH, registration(name, "MAKER_SPACE", "440304", null)), 409);
    }

    @Test
    void afterARejectionTheIncubatorMayApplyAgain() {
        String name = "宝安孵化器 " + scope;
        String id = http.post(PATH, registration(name, "INCUBATOR", "440306", null)).json().path("id").asString();
        assertProblem(http.post(PATH, registration(name, "INCUBATOR", "440306", null)), 409);

        assertThat(http.post(PATH + "/" + id + "/reject", "{\"reason\": \"材料不全\"}", "Authorization", SHENZHEN,
                "If-Match", "\"1\"").status()).isEqualTo(200);

        Response again = http.post(PATH, registration(name, "INCUBATOR", "440306", null));
        assertThat(again.status()).as(again.text()).isEqualTo(202);
        assertThat(again.json().path("id").asString()).isNotEqualTo(id);
        assertProblem(http.post(PATH, registration(name, "INCUBATOR", "440306", null)), 409);
    }

    /**
     * The claim is taken before the registration is stored: a holder not stored yet is being
     * submitted (409), unless its claim is over a minute old, when it outlived an application that
     * never got stored (a crash between the two writes) and is taken over.
     */
    @Test
    void aClaimWhoseApplicationIsNotStoredIsInFlightForAMinuteThenTakenOver() {
        String inFlight = "南山孵化器 " + scope;
        String outlived = "盐田孵化器 " + scope;
        collection(Registrations.CLAIMS).insertMany(List.of(
                new Document("_id", RegistrationService.claimOf(application(inFlight))).append("registrationId",
                        "inc-being-stored").append("at", Date.from(Instant.now())),
                new Document("_id", RegistrationService.claimOf(application(outlived))).append("registrationId",
                        "inc-never-stored").append("at", Date.from(Instant.now().minus(RegistrationService.IN_FLIGHT)
                                .minusSeconds(5)))));

        JsonNode refused = assertProblem(http.post(PATH, registration(inFlight, "INCUBATOR", "440305", null)), 409);
        assertThat(refused.path("type").asString()).isEqualTo(PROBLEM + "registration-duplicate");
        Response taken = http.post(PATH, registration(outlived, "INCUBATOR", "440305", null));
        assertThat(taken.status()).as(taken.text()).isEqualTo(202);
        assertThat(collection(Registrations.CLAIMS).find(new Document("_id", RegistrationService.claimOf(
                application(outlived)))).first().getString("registrationId")).isEqualTo(taken.json().path("id").asString());
    }

    private static Registration application(String name) {
        return new Registration("inc-x", name, null, "440305", null, null, null, null, null, RegistrationStatus.PENDING,
                null, null, null, null, null, 1);
    }

    @Test
    void identicalApplicationsSentAtOnceMakeExactlyOne() throws Exception {
        String body = registration("龙岗孵化器 " + scope, "INCUBATOR", "440307", null);
        long before = collection("registrations").countDocuments();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TestHttp client = TestHttp.localhost(port);
                sent.add(pool.submit(() -> {
                    start.await();
                    return client.post(PATH, body);
                }));
            }
            start.countDown();
            for (Future<Response> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.stream().filter(r -> r.status() == 202)).hasSize(1);
        answers.stream().filter(r -> r.status() != 202).forEach(r -> assertProblem(r, 409));
        assertThat(collection("registrations").countDocuments()).isEqualTo(before + 1);
    }
}
