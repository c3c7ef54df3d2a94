package cn.dzn.platform.resources;

import java.time.Clock;
import java.time.Duration;

import org.bson.BsonDocument;

import com.mongodb.client.MongoDatabase;

/**
 * Turns a {@link ResourceDeclaration} into its {@link RecordStore}; a service declares each
 * store as a bean ({@code @Bean RecordStore<ZoneInput, Zone> zoneStore(ResourceKit kit)}), and
 * every store bean gets its endpoints ({@link ResourceRoutes}) and its figures.
 */
public class ResourceKit {

    private final MongoDatabase database;
    private final AuditTrail audit;
    private final SyncBatches batches;
    private final Clock clock;
    private final Duration lease;

    ResourceKit(MongoDatabase database, AuditTrail audit, RecordBinder binder, Clock clock, Duration lease) {
        this.database = database;
        this.audit = audit;
        this.batches = new SyncBatches(binder, new Idempotency(database, audit, clock, lease));
        this.clock = clock;
        this.lease = lease;
    }

    public <I, V> RecordStore<I, V> store(ResourceDeclaration<I, V> declaration) {
        FeedClock feed = new FeedClock(database, declaration.collection(), clock, lease);
        return new RecordStore<>(declaration, database.getCollection(declaration.collection(), BsonDocument.class),
                feed, audit, batches, clock);
    }
}
