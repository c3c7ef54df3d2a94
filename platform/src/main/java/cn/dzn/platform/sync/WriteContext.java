package cn.dzn.platform.sync;

import java.time.Instant;

import org.bson.types.ObjectId;

import cn.dzn.platform.identity.Caller;

/**
 * Who writes, under which request id, at what time; for sync, under which idempotency key and
 * into which audit entry (fixed when the key is first seen, so a rerun writes the same entry).
 */
public record WriteContext(Caller caller, String requestId, Instant at, String idempotencyKey, ObjectId auditId) {

    /** A write through the resource's own API: no idempotency key, a fresh audit entry. */
    public static WriteContext api(Caller caller, String requestId, Instant at) {
        return new WriteContext(caller, requestId, at, null, new ObjectId());
    }
}
