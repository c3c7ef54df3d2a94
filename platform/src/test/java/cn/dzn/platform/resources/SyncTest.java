package cn.dzn.platform.resources;

import static cn.dzn.platform.resources.Things.READER;
import static cn.dzn.platform.resources.Things.WRITER;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.BsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.Things.Thing;
import cn.dzn.platform.resources.Things.ThingView;

/** {@code POST /api/{resource}/sync} below HTTP: batches, their Idempotency-Key and what is refused whole. */
class SyncTest {

    final StoreFixture fixture = new StoreFixture();
    final RecordStore<Thing, ThingView> store = fixture.store;

    @AfterEach
    void close() {
        fixture.close();
    }

    static byte[] batch(String... records) {
        return ("{\"records\": [" + String.join(",", records) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    static String record(String id, String name) {
        return "{\"id\": \"" + id + "\", \"data\": {\"name\": \"" + name + "\", \"regionCode\": \"440103\"}}";
    }

    static int status(Throwable e) {
        return ((ErrorResponseException) e).getStatusCode().value();
    }

    void assertNothingWritten() {
        assertThat(fixture.raw().countDocuments()).isZero();
        assertThat(fixture.database.getCollection("audit").countDocuments()).isZero();
        assertThat(store.changes(WRITER, null, 10).items()).isEmpty();
    }

    @Test
    void theSameKeyAndBodyThreeTimesWritesOnceAndAnswersTheSame() {
        byte[] body = batch(record("a", "A"), record("b", "B"));

        SyncAnswer first = store.sync(WRITER, "key-1", body);
        List<BsonDocument> stored = fixture.raw().find().into(new ArrayList<>());
        SyncAnswer second = store.sync(WRITER, "key-1", body);
        SyncAnswer third = store.sync(WRITER, "key-1", body.clone());

        assertThat(first.results()).containsExactly(RecordResult.of(0, "a", Outcome.CREATED, 1),
                RecordResult.of(1, "b", Outcome.CREATED, 1));
        assertThat(first.counts()).containsEntry("created", 2).containsEntry("conflict", 0).hasSize(6);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(fixture.raw().find().into(new ArrayList<>())).isEqualTo(stored);
        assertThat(fixture.feed(WRITER, 10)).extracting(change -> change.id() + "@" + change.version())
                .containsExactly("a@1", "b@1");
        assertThat(fixture.database.getCollection("audit").countDocuments()).isEqualTo(1);
        assertThat(stored).allSatisfy(doc -> assertThat(doc.getDocument("lastWrite").getString("key").getValue())
                .isEqualTo(Idempotency.keyOf(WRITER.clientId(), "key-1")));
    }

    @Test
    void aNewKeyWithTheSameBodyIsDecidedAfresh() {
        store.sync(WRITER, "key-1", batch(record("a", "A")));
        SyncAnswer again = store.sync(WRITER, "key-2", batch(record("a", "A"), record("b", "B")));
        assertThat(again.results()).containsExactly(RecordResult.of(0, "a", Outcome.UNCHANGED, 1),
                RecordResult.of(1, "b", Outcome.CREATED, 1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothingMore() {
        store.sync(WRITER, "key-1", batch(record("a", "A")));
        assertThatThrownBy(() -> store.sync(WRITER, "key-1", batch(record("a", "changed"))))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(status(e)).isEqualTo(422));
        assertThat(store.get(WRITER, "a")).isEqualTo(new ThingView("a", "A", "440103", 1, false));
        assertThat(fixture.raw().countDocuments()).isEqualTo(1);
    }

    @Test
    void aKeyIsEachClientsOwn() {
        var other = new Caller("gz-other", WRITER.region(), WRITER.roles());
        store.sync(WRITER, "key-1", batch(record("a", "A")));
        SyncAnswer theirs = store.sync(other, "key-1", batch(record("b", "B")));
        assertThat(theirs.results()).containsExactly(RecordResult.of(0, "b", Outcome.CREATED, 1));
    }

    @Test
    void moreThanAThousandRecordsIs400AndWritesNothing() {
        String[] records = IntStream.range(0, SyncBatch.MAX_RECORDS + 1).mapToObj(i -> record("t" + i, "T" + i))
                .toArray(String[]::new);
        assertThatThrownBy(() -> store.sync(WRITER, "key-1", batch(records)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(status(e)).isEqualTo(400));
        assertNothingWritten();
        // The refused batch did not use up its key.
        assertThat(store.sync(WRITER, "key-1", batch(record("a", "A"))).results()).hasSize(1);
    }

    @Test
    void aThousandRecordsAreWritten() {
        String[] records = IntStream.range(0, SyncBatch.MAX_RECORDS).mapToObj(i -> record("t" + i, "T" + i))
                .toArray(String[]::new);
        SyncAnswer answer = store.sync(WRITER, "key-1", batch(records));
        assertThat(answer.counts()).containsEntry("created", SyncBatch.MAX_RECORDS);
        assertThat(store.count(empty())).isEqualTo(SyncBatch.MAX_RECORDS);
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        for (String body : List.of("{\"records\": [", "[]", "{\"records\": 3}", "{}")) {
            assertThatThrownBy(() -> store.sync(WRITER, "key-1", body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(status(e)).isEqualTo(400));
        }
        assertNothingWritten();
    }

    @Test
    void aMissingOrUnusableKeyIs400() {
        for (String key : new String[] {null, "", "has space", "x".repeat(129)}) {
            assertThatThrownBy(() -> store.sync(WRITER, key, batch(record("a", "A"))))
                    .as(String.valueOf(key)).isInstanceOfSatisfying(ErrorResponseException.class,
                            e -> assertThat(status(e)).isEqualTo(400));
        }
        assertNothingWritten();
    }

    @Test
    void aReadOnlyCallerIs403() {
        assertThatThrownBy(() -> store.sync(READER, "key-1", batch(record("a", "A"))))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(status(e)).isEqualTo(403));
        assertNothingWritten();
    }

    @Test
    void aBadRecordIsRejectedAloneAndDeletionsNameTheirVersion() {
        store.sync(WRITER, "key-1", batch(record("gone", "G"), record("kept", "K")));
        SyncAnswer answer = store.sync(WRITER, "key-2", batch(record("ok", "fine"), record("blank", ""),
                record("changes", "reserved id"), "{\"id\": \"kept\", \"deleted\": true}",
                "{\"id\": \"gone\", \"deleted\": true, \"version\": 1}", record("bad id!", "x")));

        assertThat(answer.results()).extracting(RecordResult::outcome).containsExactly(Outcome.CREATED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.DELETED, Outcome.REJECTED);
        assertThat(answer.results().get(1).errors()).extracting(FieldError::field).containsExactly("data.name");
        assertThat(answer.results().get(2).errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(answer.results().get(3).errors()).extracting(FieldError::field).containsExactly("version");
        assertThat(answer.results().get(5).errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(store.liveRecords(empty())).extracting(ThingView::id)
                .containsExactlyInAnyOrder("kept", "ok");
        assertThat(answer.counts().entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(",")))
                .isEqualTo("created=1,deleted=1,rejected=4");
    }

    @Test
    void aRerunOfARequestThatDiedAfterWritingAnswersWhatItWroteWithoutWritingAgain() {
        // The first run wrote "a" under the key, then died before its key was recorded with an answer.
        String key = Idempotency.keyOf(WRITER.clientId(), "key-1");
        store.write(new WriteContext(WRITER, "req-died", StoreFixture.NOW, key, new ObjectId()),
                List.of(StoreFixture.thing(0, "a", null, "A", "440103")));
        BsonDocument before = fixture.raw().find().first();

        SyncAnswer rerun = store.sync(WRITER, "key-1", batch(record("a", "A"), record("b", "B")));

        assertThat(rerun.results()).containsExactly(RecordResult.of(0, "a", Outcome.CREATED, 1),
                RecordResult.of(1, "b", Outcome.CREATED, 1));
        assertThat(fixture.raw().find(eq("_id", "a")).first()).isEqualTo(before);
        assertThat(store.sync(WRITER, "key-1", batch(record("a", "A"), record("b", "B")))).isEqualTo(rerun);
    }
}
