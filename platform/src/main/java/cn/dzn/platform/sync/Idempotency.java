package cn.dzn.platform.sync;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.springframework.http.HttpStatus;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import cn.dzn.platform.errors.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remembers each client's Idempotency-Key with the fingerprint of its request and, once done,
 * the answer. A key whose request is still running holds a lease; one whose request died (the
 * lease ran out) may be run again, which the write path makes safe (docs/sync.md).
 */
public class Idempotency {

    private final MongoCollection<Document> keys;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;

    /** {@code lease}: how long a request may run before its key counts as crashed and may be rerun. */
    public Idempotency(MongoDatabase database, JsonMapper json, Clock clock, Duration lease) {
        this.keys = database.getCollection("idempotency");
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /** The stored answer when this request ran before; null when it is to be run (now leased to us). */
    public SyncAnswer begin(String id, byte[] body) {
        String fingerprint = fingerprint(body);
        Date leaseUntil = new Date(clock.millis() + lease.toMillis());
        try {
            keys.insertOne(new Document("_id", id).append("fingerprint", fingerprint).append("leaseUntil", leaseUntil)
                    .append("createdAt", new Date(clock.millis())));
            return null;
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
        if (seen.getString("answer") != null) {
            return json.readValue(seen.getString("answer"), SyncAnswer.class);
        }
        Date heldUntil = seen.getDate("leaseUntil");
        if (heldUntil.getTime() > clock.millis() || keys.updateOne(and(eq("_id", id), eq("leaseUntil", heldUntil)),
                Updates.set("leaseUntil", leaseUntil)).getModifiedCount() == 0) {
            throw Problems.of(HttpStatus.CONFLICT, "request-in-progress",
                    "a request with this Idempotency-Key is still running; retry in a few seconds");
        }
        return null;
    }

    public void finish(String id, SyncAnswer answer) {
        keys.updateOne(eq("_id", id), Updates.combine(Updates.set("answer", json.writeValueAsString(answer)),
                Updates.unset("leaseUntil")));
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
