package cn.dzn.gateway.clients;

import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Makes sure the key in DZN_ADMIN_KEY is a national administrator. */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private final ApiClientStore store;
    private final ApiKeys keys;
    private final ApiKeyProperties properties;

    BootstrapAdmin(ApiClientStore store, ApiKeys keys, ApiKeyProperties properties) {
        this.store = store;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.ensureIndexes();
        store.upsertBootstrapAdmin(keys.hash(properties.adminKey()), Instant.now());
    }
}
