package cn.dzn.incubator.keys;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Which gateway client is an incubator's own key now, as stored in {@code incubator_keys}: one
 * document per incubator. The key itself is never stored anywhere but as the gateway's hash; the
 * service keeps only the client's id, so it can refuse a revoked or replaced key at once.
 *
 * @param issuedBy  the client id of the bureau that issued it (by approving, or later)
 * @param revokedAt when its bureau revoked it; null while it is valid
 */
public record KeyBinding(
        @BsonId String incubatorId,
        String clientId,
        String regionCode,
        Instant issuedAt,
        String issuedBy,
        Instant revokedAt,
        String revokedBy) {

    public boolean isValidFor(String client) {
        return revokedAt == null && clientId.equals(client);
    }
}
