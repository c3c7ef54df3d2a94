package cn.dzn.platform.resources;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import cn.dzn.platform.errors.Problems;

/**
 * Remembers each client's Idempotency-Key with the fingerprint of its request and the audit entry
 * that, once written, holds its answer. A key whose request is still running holds a lease; one
 * whose request died (the lease ran out) may be run again, which the write path makes safe
 * (docs/sync.md).
 */
public class Idempotency {

    private final MongoCollection<Document> keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lease;

    /** A request to run under {@code auditId}, or the answer it already has. */
    public record Ticket(ObjectId auditId, SyncAnswer answer) {
    }

    /** {@code lease}: how long a request may run before its key counts as crashed and may be rerun. */
    public Idempotency(MongoDatabase database, AuditTrail audit, Clock clock, Duration lease) {
        this.keys = database.getCollection("idempotency");
        this.audit = audit;
        this.clock = clock;
        this.lease = lease;
    }

    /** The stored answer when this request ran before; otherwise the key is now leased to us. */
    public Ticket begin(String id, byte[] body) {
        String fingerprint = fingerprint(body);
        Date leaseUntil = new Date(clock.millis() + lease.toMillis());
        ObjectId auditId = new ObjectId();
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("leaseUntil", leaseUntil)
                    .append("auditId", auditId).append("createdAt", new Date(clock.millis())));
            return new Ticket(auditId, null);
        } catch (MongoException e) {
            if (e.getCode() != 11000) {
                throw e;
            }
        }
        Document seen = keys.find(eq("_id", id)).first();
        if (!fingerprint.equals(seen.getString("fingerprint"))) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "this Idempotency-Key was used for a different request; use a new key for new content");
        }
        ObjectId firstRun = seen.getObjectId("auditId");
        Optional<SyncAnswer> answer = audit.answer(firstRun);
        if (answer.isPresent()) {
            return new Ticket(firstRun, answer.get());
        }
        Date heldUntil = seen.getDate("leaseUntil");
        if (heldUntil.getTime() > clock.millis() || keys.updateOne(and(eq("_id", id), eq("leaseUntil", heldUntil)),
                Updates.set("leaseUntil", leaseUntil)).getModifiedCount() == 0) {
            throw Problems.of(HttpStatus.CONFLICT, "request-in-progress",
                    "a request with this Idempotency-Key is still running; retry in a few seconds");
        }
        return new Ticket(firstRun, null);
    }

    static String fingerprint(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String keyOf(String clientId, String idempotencyKey) {
        return clientId + "|" + idempotencyKey;
    }
}
