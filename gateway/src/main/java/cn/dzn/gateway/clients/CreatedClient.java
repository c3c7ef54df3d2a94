package cn.dzn.gateway.clients;

import java.time.Instant;
import java.util.List;

import cn.dzn.platform.identity.Role;
import jakarta.validation.constraints.Size;

/** Answer to a create: the only time the key itself is ever shown. */
public record CreatedClient(@Size(max = 64) String id, @Size(max = 200) String name, @Size(max = 6) String regionCode,
        @Size(max = 3) List<Role> roles, @Size(max = 64) String apiKey,
        Instant createdAt) {

    static CreatedClient of(ApiClient client, String apiKey) {
        return new CreatedClient(client.id(), client.name(), client.regionCode(), ClientView.sorted(client), apiKey,
                client.createdAt());
    }
}
