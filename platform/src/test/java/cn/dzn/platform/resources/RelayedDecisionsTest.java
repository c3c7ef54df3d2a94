package cn.dzn.platform.resources;

import static cn.dzn.platform.resources.RecordDecisionsTest.messages;
import static cn.dzn.platform.resources.RecordDecisionsTest.stored;
import static cn.dzn.platform.resources.RecordDecisionsTest.sync;
import static cn.dzn.platform.resources.Things.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;
import cn.dzn.platform.resources.RecordDecisions.Decision;
import cn.dzn.platform.resources.Things.Thing;

/**
 * One owner per record (docs/federation.md): a copy relayed from the deployment that owns it is
 * ordered by its version there, written only by a relay key whose region contains it, and by
 * nobody else.
 */
class RelayedDecisionsTest {

    static final Caller GUANGZHOU_RELAY = new Caller("gz-relay", RegionCode.of("440100"), Set.of(Role.RELAY));

    final RecordDecisions<Thing> decisions = new RecordDecisions<>(new Things("things"),
            MongoClientSettings.getDefaultCodecRegistry());

    static Candidate<Thing> relayed(String id, long originVersion, String name, String region) {
        return new Candidate<>(0, id, null, false, new Thing(name, region), List.of(), new Origin("gz-city", originVersion));
    }

    static BsonDocument copy(String id, String name, long version, long originVersion) {
        return stored(id, name, "440103", version, false).append(Origin.FIELD,
                new Origin("gz-city", originVersion).toBson());
    }

    @Test
    void aNewRelayedRecordIsCreatedWithItsOrigin() {
        Decision decision = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t1", 4, "a", "440103"), null);
        assertThat(decision.result().outcome()).isEqualTo(Outcome.CREATED);
        assertThat(Origin.of(decision.write())).isEqualTo(new Origin("gz-city", 4L));
        assertThat(decision.write().getInt64("version").getValue()).isEqualTo(1);
    }

    @Test
    void aCopyFollowsTheOriginsVersionsForwardOnly() {
        BsonDocument current = copy("t1", "a", 2, 5);
        Decision newer = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t1", 6, "b", "440103"), current);
        Decision same = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t1", 5, "c", "440103"), current);
        Decision older = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t1", 3, "d", "440103"), current);
        assertThat(newer.result().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(Origin.of(newer.write()).version()).isEqualTo(6);
        assertThat(newer.write().getString("name").getValue()).isEqualTo("b");
        assertThat(same.write()).isNull();
        assertThat(same.result().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(older.write()).isNull();
        assertThat(older.result().outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aRelayedDeletionLeavesATombstoneThatAnOlderVersionCannotRevive() {
        Candidate<Thing> deletion = new Candidate<>(0, "t1", null, true, null, List.of(), new Origin("gz-city", 7L));
        Decision deleted = decisions.decide(sync(GUANGZHOU_RELAY), deletion, copy("t1", "a", 2, 5));
        assertThat(deleted.result().outcome()).isEqualTo(Outcome.DELETED);
        BsonDocument tombstone = deleted.write();
        assertThat(tombstone.getBoolean("deleted").getValue()).isTrue();

        Decision revived = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t1", 6, "a", "440103"), tombstone);
        assertThat(revived.write()).isNull();
    }

    @Test
    void onlyARelayKeyWhoseRegionContainsTheRecordSendsOne() {
        Caller shenzhenRelay = new Caller("sz-relay", RegionCode.of("440300"), Set.of(Role.RELAY));
        RecordResult writer = decisions.screen(sync(WRITER), relayed("t1", 1, "a", "440103"));
        RecordResult outside = decisions.screen(sync(shenzhenRelay), relayed("t1", 1, "a", "440103"));
        assertThat(messages(writer)).contains("only a relay key");
        assertThat(messages(outside)).contains("lies outside the caller's region 440300");
        assertThat(decisions.screen(sync(GUANGZHOU_RELAY), relayed("t1", 1, "a", "440103"))).isNull();
    }

    @Test
    void aCopyIsWrittenByNobodyButItsRelayAndARelayNeverOverwritesAnotherOwner() {
        BsonDocument current = copy("t1", "a", 2, 5);
        RecordResult local = decisions.decide(sync(WRITER), RecordDecisionsTest.upsert("t1", 2L, "b", "440103"), current)
                .result();
        RecordResult localDeletion = decisions.decide(sync(WRITER), RecordDecisionsTest.deletion("t1", 2), current)
                .result();
        Candidate<Thing> otherOrigin = new Candidate<>(0, "t1", null, false, new Thing("b", "440103"), List.of(),
                new Origin("other-city", 9L));
        RecordResult stolen = decisions.decide(sync(GUANGZHOU_RELAY), otherOrigin, current).result();
        RecordResult overOwn = decisions.decide(sync(GUANGZHOU_RELAY), relayed("t2", 9, "b", "440103"),
                stored("t2", "own", "440103", 1, false)).result();

        assertThat(local.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(messages(local)).contains("relayed from deployment gz-city");
        assertThat(localDeletion.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(messages(stolen)).contains("owned by deployment gz-city");
        assertThat(messages(overOwn)).contains("owned by this deployment");
    }
}
