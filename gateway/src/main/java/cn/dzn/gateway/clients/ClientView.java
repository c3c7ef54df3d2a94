package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.List;

import cn.dzn.platform.identity.Role;

/** A client as listed: never its key or the key's hash. */
public record ClientView(String id, String name, String regionCode, List<Role> roles, Instant createdAt,
        Instant revokedAt, Instant previousKeyValidUntil, Instant lastUsedAt) {

    static ClientView of(ApiClient client) {
        return new ClientView(client.id(), client.name(), client.regionCode(), sorted(client), client.createdAt(),
                client.revokedAt(), client.previousKeyValidUntil(), client.lastUsedAt());
    }

    static List<Role> sorted(ApiClient client) {
        return client.roles().stream().sorted().toList();
    }
}
