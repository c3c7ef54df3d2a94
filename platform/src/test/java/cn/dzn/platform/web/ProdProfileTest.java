package cn.dzn.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import cn.dzn.platform.identity.InternalTokenProperties;

/** A service under the prod profile refuses the development token secret; elsewhere it may use it. */
class ProdProfileTest {

    private final ServiceWebSetup setup = new ServiceWebSetup();

    @Test
    void prodRefusesTheDevelopmentSecret() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> setup.internalTokens(new InternalTokenProperties(null, null, null), prod))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET");
    }

    @Test
    void prodStartsWithARealSecretAndDevelopmentWithTheDefault() {
        MockEnvironment prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        String secret = "a-real-secret-of-at-least-thirty-two-bytes-0123456789";
        assertThat(setup.internalTokens(new InternalTokenProperties(secret, null, null), prod)).isNotNull();
        assertThat(setup.internalTokens(new InternalTokenProperties(null, null, null), new MockEnvironment())).isNotNull();
    }
}
