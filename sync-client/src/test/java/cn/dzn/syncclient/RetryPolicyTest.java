package cn.dzn.syncclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The pauses between tries: doubling, capped, jittered into the upper half, Retry-After within the cap. */
class RetryPolicyTest {

    static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofSeconds(1));

    @RepeatedTest(20)
    void doublesFromTheFirstPauseUpToTheCap() {
        assertThat(millis(2, null)).isBetween(100L, 200L);
        assertThat(millis(3, null)).isBetween(200L, 400L);
        assertThat(millis(4, null)).isBetween(400L, 800L);
        assertThat(millis(6, null)).isBetween(1000L, 2000L);
        assertThat(millis(60, null)).isBetween(1000L, 2000L);
    }

    @Test
    void honoursRetryAfterButNotBeyondTheCap() {
        assertThat(millis(2, Duration.ofSeconds(1))).isEqualTo(1000L);
        assertThat(millis(2, Duration.ofSeconds(120))).isEqualTo(2000L);
    }

    @Test
    void refusesAPolicyThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long millis(int attempt, Duration retryAfter) {
        return POLICY.backoffBefore(attempt, retryAfter).toMillis();
    }
}
