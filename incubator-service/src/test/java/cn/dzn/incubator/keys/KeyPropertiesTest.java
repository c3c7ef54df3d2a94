package cn.dzn.incubator.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** DZN_GATEWAY_INTERNAL_URL: the gateway's management URL, or nothing; never something that fails later. */
class KeyPropertiesTest {

    @Test
    void theGatewaysManagementUrlOrNone() {
        assertThat(new KeyProperties("http://gateway:8090", null).gateway()).isEqualTo(URI.create("http://gateway:8090"));
        assertThat(new KeyProperties(" http://127.0.0.1:18090 ", null).gateway())
                .isEqualTo(URI.create("http://127.0.0.1:18090"));
        assertThat(new KeyProperties("", null).gateway()).isNull();
        assertThat(new KeyProperties(null, null).gateway()).isNull();
    }

    @Test
    void anythingElseStopsTheStart() {
        for (String bad : new String[] {"gateway:8090", "ftp://gateway:8090", "/internal", "http://"}) {
            assertThatThrownBy(() -> new KeyProperties(bad, null)).as(bad).hasMessageContaining("DZN_GATEWAY_INTERNAL_URL");
        }
    }

    @Test
    void theSweepOfClosedIncubatorsKeysRunsEvery30sUnlessToldAndNeverOftenerThanASecond() {
        assertThat(new KeyProperties("", null).sweepEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new KeyProperties("", Duration.ofMinutes(2)).sweepEvery()).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> new KeyProperties("", Duration.ofMillis(999))).hasMessageContaining("sweep-every");
    }
}
