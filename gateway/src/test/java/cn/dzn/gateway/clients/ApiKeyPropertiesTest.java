package cn.dzn.gateway.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ApiKeyPropertiesTest {

    /** Another replica may hold a replaced key as current for a whole TTL after the rotation. */
    @Test
    void aRotationGraceShorterThanTheKeyCacheIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeyProperties(null, null, Duration.ofSeconds(5), Duration.ofSeconds(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rotation-grace");
        assertThat(new ApiKeyProperties(null, null, Duration.ofSeconds(5), Duration.ofSeconds(5)).rotationGrace())
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void withoutSettingsAReplicaFollowsARevocationWithinFiveSeconds() {
        assertThat(new ApiKeyProperties(null, null, null, null).cacheTtl()).isEqualTo(Duration.ofSeconds(5));
    }
}
