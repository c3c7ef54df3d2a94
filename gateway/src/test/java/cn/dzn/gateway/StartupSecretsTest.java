package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import cn.dzn.gateway.clients.ApiKeyProperties;
import cn.dzn.platform.identity.InternalTokenProperties;

class StartupSecretsTest {

    private static final ApiKeyProperties DEV_KEYS = new ApiKeyProperties(null, null, null, null);
    private static final InternalTokenProperties DEV_TOKENS = new InternalTokenProperties(null, null, null);

    @Test
    void theProdProfileRefusesToStartOnDevelopmentSecrets() {
        assertThatThrownBy(() -> new StartupSecrets(prod(), DEV_KEYS, DEV_TOKENS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DZN_ADMIN_KEY")
                .hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET")
                .hasMessageContaining("DZN_KEY_HASH_SECRET");
    }

    @Test
    void theProdProfileRefusesToStartWithoutTheAdminKeyAlone() {
        ApiKeyProperties keys = new ApiKeyProperties("a-real-hash-secret-of-enough-length-000", null, null, null);
        InternalTokenProperties tokens = new InternalTokenProperties("a-real-token-secret-of-enough-length-0000", null,
                null);
        assertThatThrownBy(() -> new StartupSecrets(prod(), keys, tokens))
                .hasMessageContaining("DZN_ADMIN_KEY")
                .hasMessageNotContaining("DZN_KEY_HASH_SECRET");
    }

    @Test
    void theProdProfileStartsWhenEverySecretIsSet() {
        ApiKeyProperties keys = new ApiKeyProperties("a-real-hash-secret-of-enough-length-000", "a-real-admin-key",
                null, null);
        InternalTokenProperties tokens = new InternalTokenProperties("a-real-token-secret-of-enough-length-0000", null,
                null);
        assertThatCode(() -> new StartupSecrets(prod(), keys, tokens)).doesNotThrowAnyException();
    }

    @Test
    void theEmbeddedDefaultStartsOnDevelopmentSecrets() {
        assertThatCode(() -> new StartupSecrets(new MockEnvironment(), DEV_KEYS, DEV_TOKENS))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");
        return environment;
    }
}
