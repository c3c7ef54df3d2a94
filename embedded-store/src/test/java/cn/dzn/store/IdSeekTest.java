package cn.dzn.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import cn.dzn.store.StorePair.Compared;

/**
 * The store's {@code _id} seek (IdSeekingCollection) through the real driver: every answer is
 * compared with the library's own path ({@link StorePair}) and, where written out, with the ids it
 * must be; a counter of documents read tells a seek from a scan.
 */
class IdSeekTest {

    @TempDir
    Path dir;

    private StorePair pair;
    private MongoCollection<Document> zones;
    private MongoCollection<Document> reference;

    @BeforeEach
    void start() {
        pair = new StorePair(dir);
        zones = pair.store();
        reference = pair.reference();
    }

    @AfterEach
    void stop() {
        pair.close();
    }

    @Test
    void aKeysetPageReadsOnlyItsOwnDocuments() {
        insert(IntStream.range(0, 20_000).mapToObj(i -> zone(id(i), i)).toList());
        long before = read();

        List<String> page = ids(zones.find(pageAfter(id(10_000))).sort(Sorts.ascending("_id")).limit(101));

        assertThat(page).isEqualTo(IntStream.rangeClosed(10_001, 10_101).mapToObj(IdSeekTest::id).toList());
        assertThat(read() - before).as("documents read for a page of 101 in 20,000").isEqualTo(101);
    }

    @Test
    void theSeekReadsOnlyTheIntersectionOfTheBounds() {
        insert(IntStream.range(0, 1_000).mapToObj(i -> zone(id(i), i)).toList());
        Document regexAndBound = new Document("_id", new Document("$gt", id(100)).append("$regex", "^page-"));
        List<Bson> queries = List.of(
                and(gt("_id", id(100)), lt("_id", id(200))),
                and(gte("_id", id(100)), lte("_id", id(200))),
                and(and(gt("_id", id(100))), and(gt("_id", id(150)), lt("_id", id(300)), lt("_id", id(200)))),
                and(gt("_id", id(150)), gte("_id", id(150)), lt("_id", id(200)), lte("_id", id(200))),
                and(gte("_id", id(150)), gt("_id", id(150)), lte("_id", id(200)), lt("_id", id(200))),
                // with $regex the library ignores the $gt beside it, so it cannot bound the read
                and(lt("_id", id(900)), regexAndBound));
        List<Integer> reads = new ArrayList<>();
        for (Bson query : queries) {
            reads.add((int) compare(query, Sorts.descending("_id"), 0, 0).read());
        }
        assertThat(reads).containsExactly(99, 101, 49, 49, 49, 900);
    }

    @Test
    void aWalkVisitsEveryLiveZoneOnceInIdOrderBothWays() {
        List<Document> documents = sample();
        insert(documents);
        List<String> live = documents.stream().filter(d -> !d.getBoolean("deleted")).map(d -> d.getString("_id"))
                .sorted().toList();

        List<String> reversed = new ArrayList<>(live);
        Collections.reverse(reversed);

        assertThat(walk(true)).isEqualTo(live);
        assertThat(walk(false)).isEqualTo(reversed);
    }

    @Test
    void everyBoundSortSkipAndLimitAnswersAsTheLibraryDoes() {
        List<Document> documents = sample();
        insert(documents);
        List<String> sorted = documents.stream().map(d -> d.getString("_id")).sorted().toList();
        List<String> cursors = List.of("", sorted.get(0), sorted.get(57), sorted.get(57) + "!", sorted.get(sorted.size() - 1),
                "\uffff");
        List<BiFunction<String, String, Bson>> operators = List.of(
                (field, value) -> gt(field, value), (field, value) -> gte(field, value),
                (field, value) -> lt(field, value), (field, value) -> lte(field, value));
        List<Bson> filters = List.of(empty(), ne("deleted", true), eq("regionCode", "510000"),
                or(eq("regionCode", "440000"), in("memberCities", "440300")));
        List<Bson> sorts = List.of(Sorts.ascending("_id"), Sorts.descending("_id"), new Document());
        int[][] slices = { { 0, 0 }, { 0, 1 }, { 0, 7 }, { 3, 7 }, { 500, 7 } };
        int compared = 0;
        for (String cursor : cursors) {
            for (BiFunction<String, String, Bson> operator : operators) {
                for (Bson filter : filters) {
                    Bson query = and(and(empty(), filter), operator.apply("_id", cursor));
                    for (Bson sort : sorts) {
                        for (int[] slice : slices) {
                            compareSeeking(query, sort, slice[0], slice[1]);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(6 * 4 * 4 * 3 * 5);
    }

    @Test
    void rangesAndOddConditionsOnIdAnswerAsTheLibraryDoes() {
        List<Document> documents = sample();
        insert(documents);
        List<String> sorted = documents.stream().map(d -> d.getString("_id")).sorted().toList();
        String low = sorted.get(40);
        String high = sorted.get(90);
        List<Bson> queries = List.of(
                and(gt("_id", low), lt("_id", high)),
                and(gte("_id", low), lte("_id", high), ne("deleted", true)),
                and(gt("_id", high), lt("_id", low)),
                and(gt("_id", low), lte("_id", low)),
                and(gte("_id", low), lt("_id", low)),
                and(gte("_id", low), lte("_id", low)),
                and(and(gt("_id", low)), and(gt("_id", sorted.get(60)), lt("_id", high))),
                and(eq("_id", low), ne("deleted", true)),
                new Document("_id", new Document("$gt", low).append("$lt", high)),
                and(new Document("_id", new Document("$gt", low).append("$regex", "^page-00"))),
                and(gt("_id", low), regex("_id", "5")),
                and(gt("_id", low), in("_id", sorted.get(10), sorted.get(50), high)),
                and(gt("_id", low), gt("_id", 5)),
                or(gt("_id", high), lt("_id", low)),
                and(gt("_id", low), or(eq("regionCode", "510000"), lt("_id", sorted.get(45)))));
        for (Bson query : queries) {
            for (Bson sort : List.of(Sorts.ascending("_id"), Sorts.descending("_id"), new Document(),
                    Sorts.ascending("n"), Sorts.orderBy(Sorts.ascending("_id"), Sorts.descending("n")))) {
                compareSeeking(query, sort, 0, 0);
                compareSeeking(query, sort, 2, 5);
            }
        }
    }

    @Test
    void pagesSeeZonesInsertedAfterTheCursorAndMissDeletedOnes() {
        insert(IntStream.range(0, 100).mapToObj(i -> zone(id(i * 10), i)).toList());
        List<String> first = ids(zones.find(pageAfter(id(200))).sort(Sorts.ascending("_id")).limit(5));
        assertThat(first).containsExactly(id(210), id(220), id(230), id(240), id(250));

        insert(List.of(zone(id(251), 1), zone(id(255), 2), zone(id(199), 3)));
        zones.deleteOne(eq("_id", id(260)));
        reference.deleteOne(eq("_id", id(260)));
        zones.updateOne(eq("_id", id(270)), Updates.set("deleted", true));
        reference.updateOne(eq("_id", id(270)), Updates.set("deleted", true));

        Bson next = pageAfter(first.get(first.size() - 1));
        assertThat(ids(zones.find(next).sort(Sorts.ascending("_id")).limit(5)))
                .containsExactly(id(251), id(255), id(280), id(290), id(300));
        compare(next, Sorts.ascending("_id"), 0, 5);
    }

    @Test
    void projectionsBatchesAndWritesOnARangeAnswerAsTheLibraryDoes() {
        List<Document> documents = sample();
        insert(documents);
        String middle = documents.stream().map(d -> d.getString("_id")).sorted().toList().get(60);

        FindIterable<Document> projected = zones.find(gt("_id", middle)).sort(Sorts.descending("_id"))
                .projection(new Document("name", 1).append("_id", 0)).batchSize(3).limit(20);
        assertThat(projected.into(new ArrayList<>())).isEqualTo(reference.find(gt("_id", middle))
                .sort(Sorts.descending("_id")).projection(new Document("name", 1).append("_id", 0)).batchSize(3)
                .limit(20).into(new ArrayList<>()));

        long before = read();
        assertThat(zones.updateMany(gt("_id", middle), Updates.inc("n", 1000)).getModifiedCount())
                .isEqualTo(reference.updateMany(gt("_id", middle), Updates.inc("n", 1000)).getModifiedCount());
        assertThat(zones.deleteMany(lt("_id", middle)).getDeletedCount())
                .isEqualTo(reference.deleteMany(lt("_id", middle)).getDeletedCount());
        assertThat(read()).as("updates and deletes on a range seek too").isGreaterThan(before);
        compare(empty(), Sorts.ascending("_id"), 0, 0);
    }

    @Test
    void idsOfOtherTypesTakeTheLibrarysPath() {
        // MongoDB and the library sort booleans after ObjectIds; H2's map sorts them before numbers.
        List<Document> documents = List.of(zone("m", 1), zone("b", 2), zone("x", 3),
                zone("o", 4).append("_id", new ObjectId("0123456789abcdef01234567")), zone("i", 5).append("_id", 7),
                zone("t", 6).append("_id", true));
        insert(documents);
        long read = 0;

        for (Bson query : List.of(gt("_id", "a"), lt("_id", "y"), gt("_id", 3), empty())) {
            read += compare(query, Sorts.ascending("_id"), 0, 0).read();
            read += compare(query, Sorts.descending("_id"), 1, 2).read();
        }
        assertThat(read).as("documents read by a seek among mixed id types").isZero();
    }

    @Test
    void aReopenedStoreSeeksInTheCollectionsItFindsOnDisk() {
        insert(IntStream.range(0, 1_000).mapToObj(i -> zone(id(i), i)).toList());
        pair.reopen();
        zones = pair.store();
        long before = read();

        assertThat(ids(zones.find(pageAfter(id(499))).sort(Sorts.ascending("_id")).limit(3)))
                .containsExactly(id(500), id(501), id(502));
        assertThat(read() - before).isEqualTo(3);
    }

    /** zone-service's keyset page query (RecordStore.page for a national reader). */
    private static Bson pageAfter(String cursor) {
        return and(and(empty(), ne("deleted", true)), empty(), gt("_id", cursor));
    }

    private List<String> walk(boolean ascending) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Bson live = and(empty(), ne("deleted", true));
            Bson query = cursor == null ? and(live, empty())
                    : and(live, empty(), ascending ? gt("_id", cursor) : lt("_id", cursor));
            List<String> page = ids(zones.find(query)
                    .sort(ascending ? Sorts.ascending("_id") : Sorts.descending("_id")).limit(8));
            seen.addAll(page.subList(0, Math.min(7, page.size())));
            cursor = page.size() > 7 ? page.get(6) : null;
        } while (cursor != null);
        return seen;
    }

    private Compared compare(Bson query, Bson sort, int skip, int limit) {
        return pair.compare(query, sort, skip, limit);
    }

    /** As compare, and a non-empty answer sorted on _id alone must have come from the seek. */
    private void compareSeeking(Bson query, Bson sort, int skip, int limit) {
        Compared answer = compare(query, sort, skip, limit);
        if (answer.size() > 0 && sort.toBsonDocument().keySet().equals(Set.of("_id"))) {
            assertThat(answer.read()).as("documents the seek read for %s sort %s", query, sort).isPositive();
        }
    }

    private long read() {
        return pair.read();
    }

    private void insert(List<Document> documents) {
        pair.insert(documents, 7);
    }

    /** 200 zones with ids that sort differently by case, digits and non-ASCII; every fifth deleted. */
    private static List<Document> sample() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String id = switch (i % 10) {
                case 7 -> "Page-" + i;
                case 8 -> "分区-" + i;
                case 9 -> "page-" + i + "é";
                default -> id(i);
            };
            documents.add(zone(id, i).append("deleted", i % 5 == 4));
        }
        documents.sort(Comparator.comparing(d -> d.getString("_id")));
        return documents;
    }

    private static Document zone(String id, int n) {
        return new Document("_id", id).append("name", "片区 " + n).append("n", n)
                .append("regionCode", n % 3 == 0 ? "510000" : "440000")
                .append("memberCities", List.of(n % 2 == 0 ? "440100" : "440300"))
                .append("deleted", false);
    }

    private static List<String> ids(FindIterable<Document> found) {
        return found.map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static String id(int i) {
        return String.format("page-%07d", i);
    }
}
