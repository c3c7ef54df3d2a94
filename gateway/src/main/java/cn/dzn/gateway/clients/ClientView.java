package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.List;

import cn.dzn.platform.identity.Role;
import jakarta.validation.constraints.Size;

/**
 * A client as listed: never its key or the key's hash.
 *
 * @param incubatorId the incubator an incubator's own key is bound to; absent for every other client
 */
public record ClientView(@Size(max = 64) String id, @Size(max = 200) String name, @Size(max = 6) String regionCode,
        @Size(max = 3) List<Role> roles, Instant createdAt,
        Instant revokedAt, Instant previousKeyValidUntil, Instant lastUsedAt,
        @Size(max = IncubatorKeyRequest.MAX_ID) String incubatorId) {

    static ClientView of(ApiClient client) {
        return new ClientView(client.id(), client.name(), client.regionCode(), sorted(client), client.createdAt(),
                client.revokedAt(), client.previousKeyValidUntil(), client.lastUsedAt(), client.incubatorId());
    }

    static List<Role> sorted(ApiClient client) {
        return client.roles().stream().sorted().toList();
    }
}
