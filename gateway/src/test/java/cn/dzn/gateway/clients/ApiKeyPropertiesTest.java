package cn.dzn.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.dzn.platform.test.TestSecrets;

class ApiKeyPropertiesTest {

    private static final String HASH_SECRET = TestSecrets.random();
    private static final String ADMIN_KEY = TestSecrets.random();

    /** Another replica may hold a replaced key as current for a whole TTL after the rotation. */
    @Test
    void aRotationGraceShorterThanTheKeyCacheIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeyProperties(HASH_SECRET, ADMIN_KEY, Duration.ofSeconds(5),
                Duration.ofSeconds(4))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotation-grace");
        assertThat(new ApiKeyProperties(HASH_SECRET, ADMIN_KEY, Duration.ofSeconds(5), Duration.ofSeconds(5))
                .rotationGrace()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void withoutSettingsAReplicaFollowsARevocationWithinFiveSeconds() {
        assertThat(new ApiKeyProperties(HASH_SECRET, ADMIN_KEY, null, null).cacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    /** A default hash secret or admin key would be one anybody reading the source could use. */
    @Test
    void noHashSecretOrAdminKeyIsMadeUpWhenNoneIsGiven() {
        assertThatThrownBy(() -> new ApiKeyProperties(null, ADMIN_KEY, null, null))
                .hasMessageContaining("DZN_KEY_HASH_SECRET");
        assertThatThrownBy(() -> new ApiKeyProperties(HASH_SECRET, " ", null, null))
                .hasMessageContaining("DZN_ADMIN_KEY");
    }
}
