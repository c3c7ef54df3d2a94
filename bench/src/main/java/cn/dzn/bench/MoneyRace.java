package cn.dzn.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import cn.dzn.platform.test.Race;
import cn.dzn.platform.test.TestHttp;
import cn.dzn.platform.test.TestHttp.Response;

/**
 * Money under contention (issue 15 item 5), through the gateway with the admin key: 50 clients
 * racing to redeem one voucher, and 20 sub-funds racing to commit against one fund holding room
 * for 6 of them. Each round opens a start gate for all clients at once and times until the last
 * answer is in: the time until the race is settled. The baseline is one uncontended redemption
 * (a fresh voucher, nobody else asking). Correctness is checked every round, a failed check
 * fails the run: exactly one redemption, 49 clear 409s and the voucher spent once; exactly six
 * establishments and the fund's committed money never above what it holds.
 */
final class MoneyRace {

    private static final int REDEEMERS = 50;
    private static final int COMMITTERS = 20;
    private static final String CITY = "440100";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private final Api api;
    private final int rounds;
    private final List<TestHttp> clients = new ArrayList<>();

    MoneyRace(Api api, boolean quick) {
        this.api = api;
        this.rounds = quick ? 5 : 20;
        for (int i = 0; i < REDEEMERS; i++) {
            clients.add(api.gateway());
        }
    }

    List<Figure> run() throws Exception {
        // Every client opens its connection and the redemption path is compiled before anything is timed.
        race(REDEEMERS, client -> () -> get(clients.get(client), "/api/vouchers?limit=1"));
        uncontended(30);
        double alone = uncontended(rounds * 3);
        List<Double> redeemRaces = new ArrayList<>();
        List<Double> commitRaces = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            redeemRaces.add(redemptionRace());
            commitRaces.add(commitmentRace());
        }
        String checked = String.format("checked in each of %d rounds", rounds);
        return List.of(
                Figure.info("Money: 50 clients racing to redeem one voucher, settled vs one uncontended redemption",
                        "ms", alone, median(redeemRaces), String.format("p50 of the time from the start gate to the "
                                + "last answer; exactly 1 redemption and 49 problem+json 409s, the voucher REDEEMED with "
                                + "one redemption, %s; fastest race %.1f ms, slowest %.1f ms", checked,
                                min(redeemRaces), max(redeemRaces))),
                Figure.info("Money: 20 commitments racing against one fund, settled vs one uncontended redemption",
                        "ms", alone, median(commitRaces), String.format("20 sub-funds of 150万元 establishing against "
                                + "a fund holding 1000万元: exactly 6 established, 14 problem+json 409s, the fund's "
                                + "committed money 900万元, never above what it holds, %s; fastest race %.1f ms, "
                                + "slowest %.1f ms", checked, min(commitRaces), max(commitRaces))));
    }

    /** p50 of {@code count} redemptions of fresh vouchers, one at a time. */
    private double uncontended(int count) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String voucher = voucher();
            long sent = System.nanoTime();
            Response answer = redeem(clients.get(0), voucher, "alone-" + i);
            times.add((System.nanoTime() - sent) / 1e6);
            SyncIngest.check(answer.status() == 201, "an uncontended redemption answered " + answer.status() + ": "
                    + answer.text());
        }
        return median(times);
    }

    private double redemptionRace() throws Exception {
        String voucher = voucher();
        long started = System.nanoTime();
        List<Response> answers = race(REDEEMERS, client -> () -> redeem(clients.get(client), voucher, "race-" + client));
        double settled = (System.nanoTime() - started) / 1e6;
        refusedWithProblems(answers, 201, 1, REDEEMERS - 1, "redeeming one voucher");
        var stored = get(clients.get(0), "/api/vouchers/" + voucher).json();
        SyncIngest.check("REDEEMED".equals(stored.path("status").asString()) && stored.path("redemptions").size() == 1,
                "the raced voucher ended " + stored.path("status").asString() + " with "
                        + stored.path("redemptions").size() + " redemptions");
        return settled;
    }

    private double commitmentRace() throws Exception {
        String fund = fundHolding("1000");
        List<String> subFunds = new ArrayList<>();
        for (int i = 0; i < COMMITTERS; i++) {
            subFunds.add(created(clients.get(0).post("/api/funds/sub-funds", "{\"fundId\": \"" + fund
                    + "\", \"name\": \"基准子基金\", \"regionCode\": \"" + CITY + "\", \"sizeWan\": 500, "
                    + "\"guidanceWan\": 150, \"investors\": [{\"name\": \"社会资本\", \"amountWan\": 350}]}",
                    "X-Api-Key", api.adminKey())));
        }
        long started = System.nanoTime();
        List<Response> answers = race(COMMITTERS, client -> () -> clients.get(client).post("/api/funds/sub-funds/"
                + subFunds.get(client) + "/establish", null, "X-Api-Key", api.adminKey(), "If-Match", "\"1\""));
        double settled = (System.nanoTime() - started) / 1e6;
        refusedWithProblems(answers, 200, 6, COMMITTERS - 6, "establishing 20 sub-funds against one fund");
        var position = get(clients.get(0), "/api/funds/" + fund + "/position").json();
        SyncIngest.check(position.path("committedWan").decimalValue().compareTo(new java.math.BigDecimal(900)) == 0,
                "the fund committed " + position.path("committedWan") + "万元 after six sub-funds of 150");
        return settled;
    }

    private static void refusedWithProblems(List<Response> answers, int success, int successes, int refusals,
            String what) {
        long won = answers.stream().filter(a -> a.status() == success).count();
        long refused = answers.stream().filter(a -> a.status() == 409 && a.contentType().startsWith(
                "application/problem+json") && !a.json().path("detail").asString().isBlank()).count();
        SyncIngest.check(won == successes && refused == refusals, what + ": " + won + " succeeded and " + refused
                + " were refused with a problem, expected " + successes + " and " + refusals + "; statuses "
                + answers.stream().map(Response::status).toList());
    }

    /** One request per client, all let go at once (platform-test's start gate). */
    private static List<Response> race(int count, IntFunction<Callable<Response>> request) throws Exception {
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request.apply(i));
        }
        return Race.atOnce(requests);
    }

    private String voucher() {
        return created(clients.get(0).post("/api/vouchers", TestHttp.json(Map.of("regionCode", CITY, "holder",
                "基准企业", "faceValueWan", 5, "issuedOn", TODAY.minusDays(1).toString(), "expiresOn",
                TODAY.plusDays(30).toString(), "categories", List.of("TESTING"), "rule", "FULL")), "X-Api-Key",
                api.adminKey()));
    }

    private Response redeem(TestHttp client, String voucher, String reference) {
        return client.post("/api/vouchers/" + voucher + "/redemptions", TestHttp.json(Map.of("provider", "检测中心",
                "providerRegion", "440106", "category", "TESTING", "reference", reference)), "X-Api-Key",
                api.adminKey());
    }

    private String fundHolding(String wan) {
        String fund = created(clients.get(0).post("/api/funds", TestHttp.json(Map.of("name", "基准基金", "regionCode",
                CITY, "kind", "JOINT_FUND")), "X-Api-Key", api.adminKey()));
        String contribution = created(clients.get(0).post("/api/funds/contributions", "{\"fundId\": \"" + fund
                + "\", \"regionCode\": \"" + CITY + "\", \"tier\": \"CITY\", \"contributor\": \"市财政\", \"amountWan\": "
                + wan + "}", "X-Api-Key", api.adminKey()));
        Response received = clients.get(0).post("/api/funds/contributions/" + contribution + "/receive", null,
                "X-Api-Key", api.adminKey(), "If-Match", "\"1\"");
        SyncIngest.check(received.status() == 200, "receiving a contribution answered " + received.status() + ": "
                + received.text());
        return fund;
    }

    private Response get(TestHttp client, String path) {
        Response answer = client.get(path, "X-Api-Key", api.adminKey());
        SyncIngest.check(answer.status() == 200, "GET " + path + " answered " + answer.status() + ": " + answer.text());
        return answer;
    }

    private static String created(Response answer) {
        SyncIngest.check(answer.status() == 201, "creating answered " + answer.status() + ": " + answer.text());
        return answer.json().path("id").asString();
    }

    private static double median(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().skip(values.size() / 2).findFirst()
                .orElseThrow();
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
