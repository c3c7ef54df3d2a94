package cn.dzn.platform.sync;

import java.time.Instant;

import cn.dzn.platform.identity.Caller;

/** Who writes, under which request id, at what time, and (for sync) under which idempotency key. */
public record WriteContext(Caller caller, String requestId, Instant at, String idempotencyKey) {
}
