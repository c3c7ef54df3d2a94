package cn.dzn.platform.resources;

import static cn.dzn.platform.resources.StoreFixture.api;
import static cn.dzn.platform.resources.StoreFixture.deletion;
import static cn.dzn.platform.resources.StoreFixture.news;
import static cn.dzn.platform.resources.StoreFixture.seqOf;
import static cn.dzn.platform.resources.StoreFixture.thing;
import static cn.dzn.platform.resources.Things.NEIGHBOUR;
import static cn.dzn.platform.resources.Things.WRITER;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Sorts;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.resources.Things.Thing;
import cn.dzn.platform.resources.Things.ThingView;
import cn.dzn.platform.web.Page;
import cn.dzn.platform.web.PageRequest;

/** The write path and the change feed against the in-memory store, one batch at a time. */
class RecordWriterTest {

    final StoreFixture fixture = new StoreFixture();
    final RecordStore<Thing, ThingView> store = fixture.store;

    @AfterEach
    void close() {
        fixture.close();
    }

    List<RecordResult> write(List<Candidate<Thing>> batch) {
        return store.write(api(WRITER), batch);
    }

    @Test
    void aBatchOfNewRecordsIsCreatedAtVersionOneUnderConsecutiveFeedNumbers() {
        List<RecordResult> results = write(news("t", 5));

        assertThat(results).extracting(RecordResult::outcome).containsOnly(Outcome.CREATED);
        assertThat(results).extracting(RecordResult::version).containsOnly(1L);
        assertThat(results).extracting(RecordResult::index).containsExactly(0, 1, 2, 3, 4);
        List<BsonDocument> stored = fixture.raw().find().sort(Sorts.ascending("seq")).into(new ArrayList<>());
        assertThat(stored).extracting(doc -> doc.getString("_id").getValue()).containsExactly("t-0", "t-1", "t-2", "t-3", "t-4");
        long first = stored.get(0).getInt64("seq").getValue();
        assertThat(stored).extracting(doc -> doc.getInt64("seq").getValue())
                .containsExactly(first, first + 1, first + 2, first + 3, first + 4);
        assertThat(stored.get(0).getDateTime("createdAt").getValue()).isEqualTo(StoreFixture.NOW.toEpochMilli());
        assertThat(store.get(WRITER, "t-3")).isEqualTo(new ThingView("t-3", "thing t3", "440103", 1, false));
    }

    @Test
    void rewritingAnExistingRecordIsDecidedOnWhatIsStored() {
        write(List.of(thing(0, "a", null, "A", "440103"), thing(1, "b", null, "B", "440103")));
        long seqOfA = fixture.raw().find(eq("_id", "a")).first().getInt64("seq").getValue();

        List<RecordResult> results = write(List.of(thing(0, "a", null, "A", "440103"), thing(1, "b", null, "B2", "440103"),
                thing(2, "c", null, "C", "440103")));

        assertThat(results).containsExactly(RecordResult.of(0, "a", Outcome.UNCHANGED, 1),
                RecordResult.conflict(1, "b", 1L), RecordResult.of(2, "c", Outcome.CREATED, 1));
        assertThat(fixture.raw().find(eq("_id", "a")).first().getInt64("seq").getValue()).isEqualTo(seqOfA);
        assertThat(store.get(WRITER, "b").name()).isEqualTo("B");

        assertThat(write(List.of(thing(0, "b", 1L, "B2", "440103"))))
                .containsExactly(RecordResult.of(0, "b", Outcome.UPDATED, 2));
        assertThat(write(List.of(thing(0, "b", 1L, "B3", "440103")))).containsExactly(RecordResult.conflict(0, "b", 2L));
        assertThat(store.get(WRITER, "b")).isEqualTo(new ThingView("b", "B2", "440103", 2, false));
    }

    @Test
    void anIdTwiceInOneBatchIsRejectedTheSecondTime() {
        List<RecordResult> results = write(List.of(thing(0, "a", null, "first", "440103"), thing(1, "a", null, "second", "440103")));

        assertThat(results.get(0)).isEqualTo(RecordResult.of(0, "a", Outcome.CREATED, 1));
        assertThat(results.get(1).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(results.get(1).errors()).containsExactly(new FieldError("id", "appears more than once in this batch"));
        assertThat(store.get(WRITER, "a").name()).isEqualTo("first");
    }

    @Test
    void aRecordDeletedAndWrittenAgainContinuesItsVersions() {
        write(List.of(thing(0, "a", null, "A", "440103")));
        assertThat(write(List.of(deletion(0, "a", 1)))).containsExactly(RecordResult.of(0, "a", Outcome.DELETED, 2));
        assertThat(write(List.of(deletion(0, "a", 2)))).containsExactly(RecordResult.of(0, "a", Outcome.UNCHANGED, 2));
        assertThat(write(List.of(thing(0, "a", null, "A again", "440104"))))
                .containsExactly(RecordResult.of(0, "a", Outcome.CREATED, 3));
        assertThat(store.get(WRITER, "a")).isEqualTo(new ThingView("a", "A again", "440104", 3, false));
    }

    @Test
    void aNeighbourCannotTakeOurIdNorLearnWhereItLives() {
        write(List.of(thing(0, "a", null, "A", "440103")));
        List<RecordResult> taken = store.write(api(NEIGHBOUR), List.of(thing(0, "a", null, "theirs", "440304")));
        List<RecordResult> deleted = store.write(api(NEIGHBOUR), List.of(deletion(0, "a", 1)));

        assertThat(taken.get(0).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(taken.get(0).errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(taken.get(0).toString()).doesNotContain("440103");
        assertThat(deleted).containsExactly(RecordResult.of(0, "a", Outcome.UNCHANGED, 0));
        assertThat(store.get(WRITER, "a")).isEqualTo(new ThingView("a", "A", "440103", 1, false));
    }

    @Test
    void theFeedListsEachRecordOnceAtItsLastWriteTombstonesIncluded() {
        write(news("t", 3));
        Change.Page<ThingView> before = store.changes(WRITER, null, 10);
        assertThat(before.items()).extracting(Change::id).containsExactly("t-0", "t-1", "t-2");

        write(List.of(thing(0, "t-1", 1L, "renamed", "440103"), deletion(1, "t-2", 1)));

        Change.Page<ThingView> first = store.changes(WRITER, null, 2);
        assertThat(first.items()).extracting(Change::id).containsExactly("t-0", "t-1");
        Change.Page<ThingView> second = store.changes(WRITER, first.next(), 2);
        assertThat(second.items()).extracting(Change::id).containsExactly("t-2");
        Change<ThingView> tombstone = second.items().get(0);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.version()).isEqualTo(2);
        assertThat(tombstone.record()).isEqualTo(new ThingView("t-2", "thing t2", "440103", 2, true));
        Change.Page<ThingView> end = store.changes(WRITER, second.next(), 2);
        assertThat(end.items()).isEmpty();
        assertThat(seqOf(end.next())).isGreaterThanOrEqualTo(seqOf(second.items().get(0).cursor()));

        // A reader that had read the first batch continues with exactly what was written since.
        Change.Page<ThingView> since = store.changes(WRITER, before.next(), 10);
        assertThat(since.items()).extracting(change -> change.id() + "@" + change.version() + (change.deleted() ? "x" : ""))
                .containsExactly("t-1@2", "t-2@2x");
        assertThat(since.items()).extracting(change -> seqOf(change.cursor())).isSorted()
                .allMatch(seq -> seq > seqOf(before.next()));
        assertThat(store.changes(WRITER, since.next(), 10).items()).isEmpty();

        assertThat(store.changes(NEIGHBOUR, null, 10).items()).isEmpty();
    }

    @Test
    void tombstonesAreNeitherCountedNorListedNorFound() {
        write(news("t", 4));
        write(List.of(deletion(0, "t-1", 1), deletion(1, "t-3", 1)));

        assertThat(store.count(empty())).isEqualTo(2);
        assertThat(store.count(eq("name", "thing t1"))).isZero();
        assertThat(store.liveRecords(empty())).extracting(ThingView::id).containsExactlyInAnyOrder("t-0", "t-2");
        Page<ThingView> page = store.page(WRITER, empty(), PageRequest.of(10, null));
        assertThat(page.items()).extracting(ThingView::id).containsExactly("t-0", "t-2");
        assertThat(page.next()).isNull();
        assertThat(store.find(WRITER, "t-1")).isEmpty();
        assertThat(store.lookup("t-3")).isEmpty();
        assertThat(store.lookup("t-2")).isPresent();
        assertThat(fixture.raw().countDocuments()).isEqualTo(4);
    }

    @Test
    void readsKeepToTheCallersRegion() {
        write(news("t", 2));
        store.write(api(NEIGHBOUR), List.of(thing(0, "s", null, "S", "440304")));

        assertThat(store.page(WRITER, empty(), PageRequest.of(10, null)).items()).extracting(ThingView::id)
                .containsExactly("t-0", "t-1");
        assertThat(store.page(NEIGHBOUR, empty(), PageRequest.of(10, null)).items()).extracting(ThingView::id)
                .containsExactly("s");
        assertThat(store.find(NEIGHBOUR, "t-0")).isEmpty();
        assertThat(store.count(empty())).isEqualTo(3);
        assertThat(fixture.feed(NEIGHBOUR, 1)).extracting(Change::id).containsExactly("s");
    }

    @Test
    void theAuditTrailHoldsOneEntryPerWritingRequest() {
        write(news("t", 3));
        write(List.of(thing(0, "t-0", null, "thing t0", "440103")));

        List<Document> entries = fixture.database.getCollection("audit").find().into(new ArrayList<>());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getList("records", Document.class))
                .extracting(record -> record.getString("id") + "@" + record.get("version") + ":" + record.getString("outcome"))
                .containsExactlyElementsOf(IntStream.range(0, 3).mapToObj(i -> "t-" + i + "@1:created").toList());
    }
}
