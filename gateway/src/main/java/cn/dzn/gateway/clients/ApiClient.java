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
 */
public record ApiClient(@BsonId String id, String name, String keyHash, String regionCode, Set<Role> roles,
        Instant createdAt, Instant revokedAt, String previousKeyHash, Instant previousKeyValidUntil,
        Instant lastUsedAt) {

    public Caller caller() {
        return new Caller(id, RegionCode.of(regionCode), roles);
    }
}
