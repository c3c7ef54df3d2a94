package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.Set;

import org.bson.codecs.pojo.annotations.BsonId;

import cn.dzn.platform.identity.Caller;
import cn.dzn.platform.identity.Role;
import cn.dzn.platform.regions.RegionCode;

/**
 * A machine client as stored in {@code api_clients}: only hashes of its keys are kept. After a
 * rotation the previous key stays valid until {@code previousKeyValidUntil}; {@code lastUsedAt}
 * is updated at most once a minute.
 *
 * @param incubatorId the incubator record an incubator's own key is bound to (issue 17), issued
 *                    by incubator-service on the management port ({@link IncubatorKeyEndpoints}):
 *                    its region is the incubator's, its roles READ and WRITE, and it reaches
 *                    {@code /api/incubators/**} only. Null for every other client.
 */
public record ApiClient(@BsonId String id, String name, String keyHash, String regionCode, Set<Role> roles,
        Instant createdAt, Instant revokedAt, String previousKeyHash, Instant previousKeyValidUntil,
        Instant lastUsedAt, String incubatorId) {

    public Caller caller() {
        return new Caller(id, RegionCode.of(regionCode), roles, incubatorId);
    }
}
