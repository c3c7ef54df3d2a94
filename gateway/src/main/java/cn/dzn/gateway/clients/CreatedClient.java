package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.List;

import cn.dzn.platform.identity.Role;

/** Answer to a create: the only time the key itself is ever shown. */
public record CreatedClient(String id, String name, String regionCode, List<Role> roles, String apiKey,
        Instant createdAt) {

    static CreatedClient of(ApiClient client, String apiKey) {
        return new CreatedClient(client.id(), client.name(), client.regionCode(), ClientView.sorted(client), apiKey,
                client.createdAt());
    }
}
