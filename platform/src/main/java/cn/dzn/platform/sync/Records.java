package cn.dzn.platform.sync;

import java.time.Clock;
import java.time.Duration;

import org.bson.BsonDocument;

import com.mongodb.client.MongoDatabase;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

/** Builds the {@link RecordStore} of each resource a service declares; one bean per service. */
public class Records {

    private final MongoDatabase database;
    private final AuditTrail audit;
    private final SyncBatches batches;
    private final Clock clock;
    private final Duration lease;

    public Records(MongoDatabase database, JsonMapper json, Validator validator, Clock clock, Duration lease) {
        this.database = database;
        this.audit = new AuditTrail(database, json);
        this.batches = new SyncBatches(json, validator, new Idempotency(database, audit, clock, lease));
        this.clock = clock;
        this.lease = lease;
    }

    public <I, V> RecordStore<I, V> store(SyncResource<I, V> resource) {
        FeedClock feed = new FeedClock(database, resource.collection(), clock, lease);
        return new RecordStore<>(resource, database.getCollection(resource.collection(), BsonDocument.class),
                feed, audit, batches, clock);
    }
}
