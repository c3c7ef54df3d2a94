package cn.dzn.platform.resources;

import static cn.dzn.platform.resources.Things.NEIGHBOUR;
import static cn.dzn.platform.resources.Things.READER;
import static cn.dzn.platform.resources.Things.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;

import cn.dzn.platform.errors.FieldError;
import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.resources.RecordDecisions.Decision;
import cn.dzn.platform.resources.Things.Thing;

/** Every rule of the write path, decided from hand-built stored documents: no store involved. */
class RecordDecisionsTest {

    static final Instant CREATED = Instant.parse("2024-01-02T03:04:05Z");
    static final Instant AT = Instant.parse("2025-06-07T08:09:10Z");
    static final String KEY = "gz-writer|batch-1";

    final RecordDecisions<Thing> decisions = new RecordDecisions<>(new Things("things"),
            MongoClientSettings.getDefaultCodecRegistry());

    static WriteContext api(Caller caller) {
        return new WriteContext(caller, "req-1", AT, null, new ObjectId());
    }

    static WriteContext sync(Caller caller) {
        return new WriteContext(caller, "req-2", AT, KEY, new ObjectId());
    }

    static Candidate<Thing> upsert(String id, Long version, String name, String region) {
        return new Candidate<>(4, id, version, false, new Thing(name, region), List.of());
    }

    static Candidate<Thing> deletion(String id, long version) {
        return new Candidate<>(4, id, version, true, null, List.of());
    }

    static BsonDocument stored(String id, String name, String region, long version, boolean deleted) {
        return new BsonDocument("_id", new BsonString(id)).append("name", new BsonString(name))
                .append("regionCode", new BsonString(region)).append("version", new BsonInt64(version))
                .append("createdAt", new BsonDateTime(CREATED.toEpochMilli()))
                .append("updatedAt", new BsonDateTime(CREATED.toEpochMilli() + 1000))
                .append("deleted", BsonBoolean.valueOf(deleted)).append("seq", new BsonInt64(17))
                .append("sample", BsonBoolean.TRUE);
    }

    static BsonDocument withLastWrite(BsonDocument doc, String key, String outcome) {
        return doc.append("lastWrite", new BsonDocument("key", new BsonString(key)).append("outcome", new BsonString(outcome)));
    }

    static String messages(RecordResult result) {
        return result.errors().stream().map(FieldError::message).reduce("", String::concat);
    }

    // --- screen: what is refused before the store is read

    @Test
    void screenRejectsWhatBindingFoundWrong() {
        List<FieldError> errors = List.of(new FieldError("data.name", "must not be blank"));
        RecordResult result = decisions.screen(api(WRITER), new Candidate<>(2, "t1", null, false, new Thing("", "440103"), errors));
        assertThat(result).isEqualTo(new RecordResult(2, "t1", Outcome.REJECTED, null, null, errors));
    }

    @Test
    void screenRejectsAReadOnlyCaller() {
        RecordResult result = decisions.screen(api(READER), upsert("t1", null, "a", "440103"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errors()).containsExactly(new FieldError("", "this client may only read"));
    }

    @Test
    void screenRejectsARecordOutsideTheCallersRegionNamingOnlyWhatTheCallerKnows() {
        RecordResult result = decisions.screen(api(WRITER), upsert("t1", null, "a", "440304"));
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errors()).containsExactly(
                new FieldError("regionCode", "region 440304 lies outside the caller's region 440100"));
    }

    @Test
    void screenAsksTheResourceAndPassesWhatItAllows() {
        RecordResult refused = decisions.screen(api(WRITER), upsert("t1", null, "forbidden", "440103"));
        assertThat(refused.errors()).containsExactly(new FieldError("name", "no thing may be called that"));
        assertThat(decisions.screen(api(WRITER), upsert("t1", null, "fine", "440103"))).isNull();
        // A deletion carries no region to check before the record is read.
        assertThat(decisions.screen(api(WRITER), deletion("t1", 3))).isNull();
    }

    // --- decide: upserts against what is stored

    @Test
    void aReplayOfTheSameKeyAnswersTheStoredOutcomeWithoutWriting() {
        BsonDocument current = withLastWrite(stored("t1", "a", "440103", 3, false), KEY, "updated");
        Decision decision = decisions.decide(sync(WRITER), upsert("t1", 2L, "something else", "440103"), current);
        assertThat(decision.write()).isNull();
        assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UPDATED, 3));

        BsonDocument tombstone = withLastWrite(stored("t2", "a", "440103", 5, true), KEY, "deleted");
        Decision deleted = decisions.decide(sync(WRITER), deletion("t2", 4), tombstone);
        assertThat(deleted.write()).isNull();
        assertThat(deleted.result()).isEqualTo(RecordResult.of(4, "t2", Outcome.DELETED, 5));
    }

    @Test
    void anotherKeyIsNoReplay() {
        BsonDocument current = withLastWrite(stored("t1", "a", "440103", 3, false), "gz-writer|other", "created");
        Decision decision = decisions.decide(sync(WRITER), upsert("t1", null, "b", "440103"), current);
        assertThat(decision.result()).isEqualTo(RecordResult.conflict(4, "t1", 3L));
    }

    @Test
    void anIdTakenInAnotherRegionIsRejectedSayingNothingOfThatRecord() {
        Candidate<Thing> candidate = upsert("t1", null, "a", "440103");
        RecordResult live = decisions.decide(api(WRITER), candidate, stored("t1", "theirs", "440304", 7, false)).result();
        assertThat(live.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(live.errors()).extracting(FieldError::field).containsExactly("id");
        assertThat(live.version()).isNull();
        assertThat(live.currentVersion()).isNull();
        assertThat(messages(live)).doesNotContain("440304", "4403", "theirs", "7");
        // Live or deleted, any version named: the same answer, so nothing can be probed.
        assertThat(decisions.decide(api(WRITER), candidate, stored("t1", "theirs", "440304", 7, true)).result()).isEqualTo(live);
        assertThat(decisions.decide(api(WRITER), upsert("t1", 7L, "a", "440103"), stored("t1", "theirs", "440304", 7, false))
                .result()).isEqualTo(live);
        assertThat(decisions.decide(api(WRITER), upsert("t1", 2L, "a", "440103"), stored("t1", "theirs", "440304", 7, false))
                .result()).isEqualTo(live);
    }

    @Test
    void aWriteOutsideTheRegionOverAForeignRecordNamesOnlyTheRegionsTheCallerKnows() {
        RecordResult result = decisions.decide(api(WRITER), upsert("t1", null, "a", "310101"),
                stored("t1", "theirs", "440304", 7, false)).result();
        assertThat(result.errors()).containsExactly(
                new FieldError("regionCode", "region 310101 lies outside the caller's region 440100"));
    }

    @Test
    void aLiveRecordKeepsItsRegionButATombstonesIdMayBeTakenElsewhere() {
        RecordResult moved = decisions.decide(api(WRITER), upsert("t1", 3L, "a", "440104"),
                stored("t1", "a", "440103", 3, false)).result();
        assertThat(moved.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(moved.errors()).containsExactly(new FieldError("regionCode", "cannot change: the record belongs to 440103"));

        Decision reborn = decisions.decide(api(WRITER), upsert("t1", null, "a", "440104"), stored("t1", "a", "440103", 3, true));
        assertThat(reborn.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.CREATED, 4));
        assertThat(reborn.write().getString("regionCode").getValue()).isEqualTo("440104");
    }

    @Test
    void aStaleVersionIsAConflictEvenForSameContentAndBeforeTheResourcesRules() {
        BsonDocument current = stored("t1", "a", "440103", 3, false);
        assertThat(decisions.decide(api(WRITER), upsert("t1", 2L, "b", "440103"), current).result())
                .isEqualTo(RecordResult.conflict(4, "t1", 3L));
        assertThat(decisions.decide(api(WRITER), upsert("t1", 2L, "a", "440103"), current).result())
                .isEqualTo(RecordResult.conflict(4, "t1", 3L));
        assertThat(decisions.decide(api(WRITER), upsert("t1", 2L, "b", "440103"), stored("t1", "locked", "440103", 3, false))
                .result()).isEqualTo(RecordResult.conflict(4, "t1", 3L));
        // A version for a record that is not there: a conflict with no current version.
        assertThat(decisions.decide(api(WRITER), upsert("t1", 2L, "b", "440103"), null).result())
                .isEqualTo(RecordResult.conflict(4, "t1", null));
    }

    @Test
    void naming_no_version_only_a_change_of_a_live_record_conflicts() {
        BsonDocument current = stored("t1", "a", "440103", 3, false);
        Decision changed = decisions.decide(api(WRITER), upsert("t1", null, "b", "440103"), current);
        assertThat(changed.result()).isEqualTo(RecordResult.conflict(4, "t1", 3L));
        assertThat(changed.write()).isNull();

        // System fields and a last write in the stored document are no content.
        BsonDocument synced = withLastWrite(stored("t1", "a", "440103", 3, false), "gz-writer|old", "created");
        for (Long version : new Long[] {null, 3L}) {
            Decision same = decisions.decide(api(WRITER), upsert("t1", version, "a", "440103"), synced);
            assertThat(same.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UNCHANGED, 3));
            assertThat(same.write()).isNull();
        }
    }

    @Test
    void theResourceMayRefuseAChangeJudgedFromTheStoredRecord() {
        Decision decision = decisions.decide(api(WRITER), upsert("t1", 3L, "unlocked", "440103"),
                stored("t1", "locked", "440103", 3, false));
        assertThat(decision.write()).isNull();
        assertThat(decision.result().errors()).containsExactly(new FieldError("name", "a locked thing stays as it is"));
    }

    @Test
    void readOnlyCallersAndBindErrorsAreRejectedWhateverIsStored() {
        BsonDocument current = stored("t1", "a", "440103", 3, false);
        assertThat(decisions.decide(api(READER), upsert("t1", 3L, "b", "440103"), current).result().errors())
                .containsExactly(new FieldError("", "this client may only read"));
        assertThat(decisions.decide(api(READER), deletion("t1", 3), current).result().outcome()).isEqualTo(Outcome.REJECTED);
        List<FieldError> errors = List.of(new FieldError("id", "bad"));
        assertThat(decisions.decide(api(WRITER), new Candidate<>(1, null, null, false, null, errors), null).result())
                .isEqualTo(RecordResult.rejected(1, null, errors));
    }

    @Test
    void anUpdateKeepsCreatedAtAndTheSampleMarkAndDropsStoredSystemFields() {
        BsonDocument current = withLastWrite(stored("t1", "a", "440103", 3, false), "gz-writer|old", "created")
                .append("pending", BsonBoolean.TRUE);
        Decision decision = decisions.decide(api(WRITER), upsert("t1", 3L, "b", "440103"), current);
        assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UPDATED, 4));
        assertThat(decision.write()).isEqualTo(new BsonDocument("name", new BsonString("b"))
                .append("regionCode", new BsonString("440103")).append("_id", new BsonString("t1"))
                .append("version", new BsonInt64(4)).append("createdAt", new BsonDateTime(CREATED.toEpochMilli()))
                .append("updatedAt", new BsonDateTime(AT.toEpochMilli())).append("deleted", BsonBoolean.FALSE)
                .append("sample", BsonBoolean.TRUE));
        BsonDocument unmarked = stored("t1", "a", "440103", 3, false);
        unmarked.remove("sample");
        assertThat(decisions.decide(api(WRITER), upsert("t1", 3L, "b", "440103"), unmarked).write().containsKey("sample"))
                .as("a record that was not sample data does not become one").isFalse();
    }

    @Test
    void aCreateIsVersionOneAndASyncedWriteRemembersItsKey() {
        Decision decided = decisions.decide(sync(WRITER), upsert("t1", null, "a", "440103"), null);
        Decision straight = decisions.create(sync(WRITER), upsert("t1", null, "a", "440103"));
        for (Decision decision : List.of(decided, straight)) {
            assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.CREATED, 1));
            BsonDocument doc = decision.write();
            assertThat(doc.getString("_id").getValue()).isEqualTo("t1");
            assertThat(doc.getInt64("version").getValue()).isEqualTo(1);
            assertThat(doc.getDateTime("createdAt").getValue()).isEqualTo(AT.toEpochMilli());
            assertThat(doc.getDateTime("updatedAt").getValue()).isEqualTo(AT.toEpochMilli());
            assertThat(doc.getBoolean("deleted").getValue()).isFalse();
            assertThat(doc.getDocument("lastWrite")).isEqualTo(
                    new BsonDocument("key", new BsonString(KEY)).append("outcome", new BsonString("created")));
        }
        assertThat(decisions.create(api(WRITER), upsert("t1", null, "a", "440103")).write().containsKey("lastWrite")).isFalse();
    }

    @Test
    void aCreateOverATombstoneContinuesItsVersions() {
        Decision decision = decisions.decide(api(WRITER), upsert("t1", null, "new", "440103"), stored("t1", "old", "440103", 6, true));
        assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.CREATED, 7));
        assertThat(decision.write().getInt64("version").getValue()).isEqualTo(7);
        assertThat(decision.write().getBoolean("deleted").getValue()).isFalse();
        assertThat(decision.write().getString("name").getValue()).isEqualTo("new");
        assertThat(decision.write().getDateTime("createdAt").getValue()).isEqualTo(AT.toEpochMilli());
    }

    // --- deletions

    @Test
    void deletingARecordTheCallerCannotSeeIsAnsweredAsIfItDidNotExist() {
        Decision foreign = decisions.decide(api(WRITER), deletion("t1", 7), stored("t1", "theirs", "440304", 7, false));
        Decision missing = decisions.decide(api(WRITER), deletion("t1", 7), null);
        assertThat(foreign.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UNCHANGED, 0)).isEqualTo(missing.result());
        assertThat(foreign.write()).isNull();
        assertThat(missing.write()).isNull();
        Decision gone = decisions.decide(api(WRITER), deletion("t1", 2), stored("t1", "a", "440103", 5, true));
        assertThat(gone.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UNCHANGED, 5));
    }

    @Test
    void deletingAStaleOrLockedRecordIsRefused() {
        assertThat(decisions.decide(api(WRITER), deletion("t1", 2), stored("t1", "a", "440103", 3, false)).result())
                .isEqualTo(RecordResult.conflict(4, "t1", 3L));
        assertThat(decisions.decide(api(WRITER), deletion("t1", 3), stored("t1", "locked", "440103", 3, false)).result()
                .errors()).containsExactly(new FieldError("name", "a locked thing stays as it is"));
    }

    @Test
    void deletingALiveRecordWritesATombstoneAtTheNextVersion() {
        BsonDocument current = withLastWrite(stored("t1", "a", "440103", 3, false), "gz-writer|old", "created")
                .append("pending", BsonBoolean.TRUE);
        Decision decision = decisions.decide(sync(WRITER), deletion("t1", 3), current);
        assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.DELETED, 4));
        BsonDocument tombstone = decision.write();
        assertThat(tombstone.getBoolean("deleted").getValue()).isTrue();
        assertThat(tombstone.getInt64("version").getValue()).isEqualTo(4);
        assertThat(tombstone.getString("name").getValue()).isEqualTo("a");
        assertThat(tombstone.getDateTime("createdAt").getValue()).isEqualTo(CREATED.toEpochMilli());
        assertThat(tombstone.getDateTime("updatedAt").getValue()).isEqualTo(AT.toEpochMilli());
        assertThat(tombstone.containsKey("pending")).isFalse();
        assertThat(tombstone.getDocument("lastWrite").getString("key").getValue()).isEqualTo(KEY);
        assertThat(tombstone.getDocument("lastWrite").getString("outcome").getValue()).isEqualTo("deleted");
        // The stored document is left as it was.
        assertThat(current.getBoolean("deleted").getValue()).isFalse();

        Decision byApi = decisions.decide(api(WRITER), deletion("t1", 3), current);
        assertThat(byApi.write().containsKey("lastWrite")).isFalse();
    }

    @Test
    void aNeighbourMayNotDeleteOurRecord() {
        Decision decision = decisions.decide(api(NEIGHBOUR), deletion("t1", 3), stored("t1", "a", "440103", 3, false));
        assertThat(decision.result()).isEqualTo(RecordResult.of(4, "t1", Outcome.UNCHANGED, 0));
        assertThat(decision.write()).isNull();
    }
}
