package cn.dzn.platform.resources;

import java.time.Instant;
import java.util.UUID;

import org.bson.types.ObjectId;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.web.RequestIdFilter;

/**
 * Who writes, under which request id, at what time; for sync, under which idempotency key and
 * into which audit entry (fixed when the key is first seen, so a rerun writes the same entry).
 */
public record WriteContext(Caller caller, String requestId, Instant at, String idempotencyKey, ObjectId auditId) {

    /** A write through the resource's own API: no idempotency key, a fresh audit entry. */
    public static WriteContext api(Caller caller, Instant at) {
        return new WriteContext(caller, currentRequestId(), at, null, new ObjectId());
    }

    /** The request id {@link RequestIdFilter} gave this request; a fresh one off a request thread. */
    static String currentRequestId() {
        String current = RequestIdFilter.current();
        return current != null ? current : UUID.randomUUID().toString();
    }
}
