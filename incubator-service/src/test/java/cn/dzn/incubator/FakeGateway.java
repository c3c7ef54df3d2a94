package cn.dzn.incubator;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import cn.dzn.incubator.keys.KeyIssuer;
import cn.dzn.platform.identity.Role;

/**
 * The gateway's side of incubators' keys, as docs/decisions.md asks the gateway to build it: an API
 * client bound to one incubator, READ and WRITE in its region, whose internal token carries the
 * {@code incubator} claim. Keys issued here are turned into the token the gateway would mint by
 * {@link #bearer}; a revoked one is refused, as the gateway would refuse it, by {@link #bearer} too.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGateway {

    /** A client the fake gateway holds. */
    public record Client(String clientId, String incubatorId, String regionCode) {
    }

    public static final class Issuer implements KeyIssuer {

        private final Map<String, Client> byKey = new ConcurrentHashMap<>();
        private final Set<String> revoked = ConcurrentHashMap.newKeySet();
        private volatile boolean down;

        @Override
        public Issued issue(String incubatorId, String name, String regionCode) {
            if (down) {
                throw new Unavailable("the gateway could not be reached: connection refused");
            }
            String clientId = "incubator-client-" + UUID.randomUUID();
            String apiKey = "dzn-" + UUID.randomUUID().toString().replace("-", "");
            byKey.put(apiKey, new Client(clientId, incubatorId, regionCode));
            return new Issued(clientId, apiKey);
        }

        @Override
        public void revoke(String clientId) {
            if (down) {
                throw new Unavailable("the gateway could not be reached: connection refused");
            }
            revoked.add(clientId);
        }

        public void down(boolean down) {
            this.down = down;
        }

        public boolean isRevoked(String clientId) {
            return revoked.contains(clientId);
        }

        /**
         * The internal token the gateway would mint for {@code apiKey} (what the gateway checks itself, a
         * revoked key, is not checked here: the tests show the service refuses it on its own).
         */
        public String bearer(String apiKey) {
            Client client = byKey.get(apiKey);
            if (client == null) {
                throw new IllegalArgumentException("no key " + apiKey);
            }
            return BoundTokens.bearer(client.clientId(), client.regionCode(), client.incubatorId(), Role.READ,
                    Role.WRITE);
        }
    }

    @Bean
    @Primary
    Issuer fakeKeyIssuer() {
        return new Issuer();
    }
}
