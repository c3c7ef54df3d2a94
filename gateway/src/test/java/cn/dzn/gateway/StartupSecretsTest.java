package cn.dzn.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import cn.dzn.platform.test.TestSecrets;

/** No profile may start the gateway on a secret it did not get: there are no defaults to fall back to. */
class StartupSecretsTest {

    @Test
    void aGatewayStartedWithoutItsSecretsRefusesToStartNamingEachVariable() {
        // Blank, as application.yml's ${DZN_ADMIN_KEY:} makes them when the variables are unset;
        // command-line arguments outrank whatever the developer running this test has exported.
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                .properties("spring.main.banner-mode=off")
                .run("--dzn.api-keys.admin-key=", "--dzn.api-keys.hash-secret=", "--dzn.internal-token.secret="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DZN_ADMIN_KEY")
                .hasMessageContaining("DZN_INTERNAL_TOKEN_SECRET")
                .hasMessageContaining("DZN_KEY_HASH_SECRET")
                .hasMessageContaining("refuses to start");
    }

    @Test
    void withoutTheProdProfileTheGatewayStillRefusesMissingSecrets() {
        assertThat(StartupSecrets.missing(new MockEnvironment()))
                .containsExactly("DZN_ADMIN_KEY", "DZN_INTERNAL_TOKEN_SECRET", "DZN_KEY_HASH_SECRET");
        assertThatThrownBy(() -> StartupSecrets.refuseWithoutSecrets(new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aMissingAdminKeyAloneIsNamedAlone() {
        MockEnvironment environment = everySecret().withProperty("dzn.api-keys.admin-key", " ");
        assertThat(StartupSecrets.missing(environment)).containsExactly("DZN_ADMIN_KEY");
        assertThatThrownBy(() -> StartupSecrets.refuseWithoutSecrets(environment))
                .hasMessageStartingWith("not set: DZN_ADMIN_KEY;");
    }

    @Test
    void theGatewayStartsWhenEverySecretIsSet() {
        assertThatCode(() -> StartupSecrets.refuseWithoutSecrets(everySecret())).doesNotThrowAnyException();
    }

    private static MockEnvironment everySecret() {
        return new MockEnvironment()
                .withProperty("dzn.api-keys.admin-key", TestSecrets.random())
                .withProperty("dzn.api-keys.hash-secret", TestSecrets.random())
                .withProperty("dzn.internal-token.secret", TestSecrets.random());
    }
}
