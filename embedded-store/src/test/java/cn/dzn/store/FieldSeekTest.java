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
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import cn.dzn.store.StorePair.Compared;

/**
 * The store's seek on a secondary index (OrderedIndex) through the real driver: a change-feed
 * page ({@code seq} between the cursor and the watermark, sorted on {@code seq}) reads only its
 * own documents, and every answer equals the library's own path ({@link StorePair}) through
 * inserts, updates, upserts, replacements and deletions.
 */
class FieldSeekTest {

    @TempDir
    Path dir;

    private StorePair pair;

    @BeforeEach
    void start() {
        pair = new StorePair(dir);
        pair.onBoth(collection -> collection.createIndex(Indexes.ascending("seq")));
    }

    @AfterEach
    void stop() {
        pair.close();
    }

    @Test
    void aFeedPageReadsOnlyItsOwnDocuments() {
        insert(IntStream.range(0, 20_000).mapToObj(i -> record(i, (long) i)).toList());

        Compared page = compare(feedPage(10_000, 15_000), Sorts.ascending("seq"), 0, 101);

        assertThat(page.size()).isEqualTo(101);
        assertThat(page.read()).as("documents read for a feed page of 101 in 20,000").isEqualTo(101);
        assertThat(compare(feedPage(19_990, 25_000), Sorts.ascending("seq"), 0, 500).read()).isEqualTo(9);
    }

    @Test
    void everyBoundSortSkipAndLimitAnswersAsTheLibraryDoes() {
        insert(sample());
        List<Object> bounds = List.of(-1L, 0, 57L, 57.5, 199L, 1_000L, "", "m", "\uffff");
        List<BiFunction<String, Object, Bson>> operators = List.of(
                (field, value) -> gt(field, value), (field, value) -> gte(field, value),
                (field, value) -> lt(field, value), (field, value) -> lte(field, value),
                (field, value) -> eq(field, value));
        List<Bson> filters = List.of(empty(), ne("deleted", true), eq("regionCode", "510000"),
                or(eq("regionCode", "440000"), gt("seq", 150L)));
        List<Bson> sorts = List.of(Sorts.ascending("seq"), Sorts.descending("seq"));
        int[][] slices = { { 0, 0 }, { 0, 1 }, { 0, 7 }, { 3, 7 }, { 500, 7 } };
        long read = 0;
        for (Object bound : bounds) {
            for (BiFunction<String, Object, Bson> operator : operators) {
                for (Bson filter : filters) {
                    for (Bson sort : sorts) {
                        for (int[] slice : slices) {
                            read += compare(and(filter, operator.apply("seq", bound)), sort, slice[0], slice[1]).read();
                        }
                    }
                }
            }
        }
        assertThat(read).as("documents the seek read").isPositive();
    }

    @Test
    void oddConditionsTiesNullsAndMissingValuesAnswerAsTheLibraryDoes() {
        insert(sample());
        List<Bson> queries = List.of(empty(), and(gt("seq", 40L), lt("seq", 90L)), and(gt("seq", 90L), lt("seq", 40L)),
                and(gte("seq", 40L), lt("seq", 40L)), and(gt("seq", 40L), gt("seq", "a")), eq("seq", null),
                ne("seq", 41L), in("seq", 3L, 5L, 80L), regex("seq", "^s"), or(lt("seq", 5L), gt("seq", 190L)),
                new Document("seq", new Document("$gt", 10L).append("$regex", "x")), and(gt("seq", 3L), eq("n", 7)));
        for (Bson query : queries) {
            for (Bson sort : List.of(Sorts.ascending("seq"), Sorts.descending("seq"),
                    Sorts.orderBy(Sorts.ascending("seq"), Sorts.descending("n")), Sorts.ascending("n"))) {
                compare(query, sort, 0, 0);
                compare(query, sort, 2, 5);
            }
        }
    }

    @Test
    void updatesUpsertsReplacementsAndDeletionsKeepTheIndexCurrent() {
        insert(IntStream.range(0, 300).mapToObj(i -> record(i, (long) i)).toList());
        pair.onBoth(collection -> {
            collection.updateMany(lt("seq", 100L), Updates.inc("seq", 1_000L));
            collection.updateOne(eq("_id", id(150)), Updates.set("seq", 5L));
            collection.updateOne(eq("_id", id(151)), Updates.unset("seq"));
            collection.updateOne(eq("_id", id(400)), Updates.set("seq", 7L), new UpdateOptions().upsert(true));
            collection.replaceOne(eq("_id", id(152)), record(152, 6L));
            collection.replaceOne(eq("_id", id(401)), record(401, 8L), new ReplaceOptions().upsert(true));
            collection.deleteMany(and(gte("seq", 200L), lt("seq", 250L)));
            collection.deleteOne(eq("_id", id(1)));
        });
        long read = 0;
        for (Bson query : List.of(empty(), feedPage(0, 10), feedPage(150, 1_200), feedPage(1_000, 2_000))) {
            read += compare(query, Sorts.ascending("seq"), 0, 0).read();
            read += compare(query, Sorts.descending("seq"), 0, 20).read();
        }
        assertThat(compare(feedPage(4, 8), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(4);
        assertThat(read).isPositive();
    }

    @Test
    void anArrayValueMakesTheIndexDeclineUntilItIsGone() {
        insert(IntStream.range(0, 100).mapToObj(i -> record(i, (long) i)).toList());
        pair.onBoth(collection -> collection.updateOne(eq("_id", id(50)), Updates.set("seq", List.of(3L, 500L))));
        assertThat(compare(feedPage(10, 20), Sorts.descending("seq"), 0, 0).read()).isZero();
        assertThat(compare(feedPage(400, 600), Sorts.ascending("seq"), 0, 0).size()).isOne();

        pair.onBoth(collection -> collection.updateOne(eq("_id", id(50)), Updates.set("seq", 50L)));
        assertThat(compare(feedPage(10, 20), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(10);
    }

    @Test
    void aReopenedStoreRebuildsTheIndexAndADroppedOneIsNotUsed() {
        insert(IntStream.range(0, 1_000).mapToObj(i -> record(i, (long) i)).toList());
        pair.reopen();

        assertThat(compare(feedPage(499, 502), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(3);

        pair.onBoth(collection -> collection.dropIndex(Indexes.ascending("seq")));
        assertThat(compare(feedPage(499, 502), Sorts.ascending("seq"), 0, 0).read()).isZero();
    }

    @Test
    void anIndexIsBuiltByTheFirstQuerySortedOnItsFieldAndKeptFromThen() {
        pair.store().createIndex(Indexes.ascending("regionCode"));
        insert(IntStream.range(0, 500).mapToObj(i -> record(i, (long) i)).toList());
        compare(eq("regionCode", "510000"), Sorts.ascending("_id"), 0, 0);
        assertThat(pair.held("seq")).isZero();
        assertThat(pair.held("regionCode")).isZero();

        compare(feedPage(10, 20), Sorts.ascending("seq"), 0, 0);
        pair.onBoth(collection -> {
            collection.insertOne(record(500, 500L));
            collection.deleteOne(eq("_id", id(3)));
        });

        assertThat(pair.held("seq")).isEqualTo(500);
        assertThat(pair.held("regionCode")).as("an index nobody sorts on").isZero();
        assertThat(compare(feedPage(498, 501), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(2);
    }

    @Test
    void recordsWithoutTheFieldAreCountedNotHeldAndKeepOnlyUnboundedSortsOnTheLibrarysPath() {
        insert(IntStream.range(0, 300).mapToObj(i -> record(i, (long) i)).toList());
        assertThat(compare(empty(), Sorts.descending("seq"), 0, 5).read()).isEqualTo(5);

        insert(List.of(record(300, null), record(301, 1L).append("seq", null)));
        pair.onBoth(collection -> collection.updateOne(eq("_id", id(299)), Updates.unset("seq")));

        assertThat(compare(empty(), Sorts.descending("seq"), 0, 5).read()).as("declined: the library sorts").isZero();
        assertThat(compare(feedPage(100, 103), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(3);
    }

    @Test
    void aDottedPathThroughAnArrayMakesTheIndexDecline() {
        pair.onBoth(collection -> collection.createIndex(Indexes.ascending("items.seq")));
        pair.insert(List.of(new Document("_id", "a").append("items", new Document("seq", 5L)),
                new Document("_id", "b").append("items", List.of(new Document("seq", 7L)))), 3);

        Compared answer = compare(gt("items.seq", 3L), Sorts.ascending("items.seq"), 0, 0);

        assertThat(answer.size()).isEqualTo(2);
        assertThat(answer.read()).as("declined").isZero();
    }

    @Test
    void wholeNumbersBeyondTheIntRangeBesideFractionsMakeTheIndexDeclineUntilOneKindIsGone() {
        insert(List.of(record(1, 3_000_000_000L), record(2, 3_000_000_000.5), record(3, 3_000_000_000.7)));

        assertThat(compare(gt("seq", 3_000_000_000.2), Sorts.ascending("seq"), 0, 0).read()).isZero();
        assertThat(compare(gt("seq", 3_000_000_000.2), Sorts.ascending("seq"), 0, 0).size()).isEqualTo(2);

        pair.onBoth(collection -> collection.deleteOne(eq("_id", id(1))));
        assertThat(compare(gt("seq", 3_000_000_000.2), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(2);
    }

    @Test
    void aDocumentWithANullIdIsStoredAndMakesTheIndexDecline() {
        insert(IntStream.range(0, 10).mapToObj(i -> record(i, (long) i)).toList());
        compare(feedPage(2, 5), Sorts.ascending("seq"), 0, 0);

        pair.onBoth(collection -> collection.insertOne(new Document("_id", null).append("seq", 3L)));

        assertThat(compare(feedPage(2, 5), Sorts.ascending("seq"), 0, 0).read()).isZero();
        pair.onBoth(collection -> collection.deleteOne(eq("_id", null)));
        assertThat(compare(feedPage(2, 5), Sorts.ascending("seq"), 0, 0).read()).isEqualTo(3);
    }

    /** RecordStore.changes for a national reader: after the cursor, up to the watermark. */
    private static Bson feedPage(long after, long watermark) {
        return and(gt("seq", after), lte("seq", watermark), empty());
    }

    private Compared compare(Bson query, Bson sort, int skip, int limit) {
        return pair.compare(query, sort, skip, limit);
    }

    private void insert(List<Document> documents) {
        pair.insert(documents, 11);
    }

    /**
     * 200 records whose seq is mostly a distinct long, with ties, doubles, ints, strings, nulls and
     * missing values among them; every fifth deleted.
     */
    private static List<Document> sample() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Object seq = switch (i % 10) {
                case 3 -> i / 20;
                case 5 -> i + 0.5;
                case 6 -> (long) (i / 30);
                case 7 -> "s" + i;
                case 8 -> null;
                default -> (long) i;
            };
            Document record = record(i, seq);
            if (i % 20 == 9) {
                record.remove("seq");
            }
            documents.add(record.append("deleted", i % 5 == 4));
        }
        return documents;
    }

    private static Document record(int i, Object seq) {
        return new Document("_id", id(i)).append("seq", seq).append("n", i % 9)
                .append("regionCode", i % 3 == 0 ? "510000" : "440000");
    }

    private static String id(int i) {
        return String.format("record-%05d", i);
    }
}
