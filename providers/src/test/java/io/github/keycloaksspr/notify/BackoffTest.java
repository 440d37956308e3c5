package io.github.keycloaksspr.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(15), 20);

    @Test
    @DisplayName("Given failed attempts, then the wait doubles from the base: 10 s, 20 s, 40 s, 80 s, ...")
    void doubles() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::delayAfter).map(Duration::toSeconds).toList())
                .containsExactly(10L, 20L, 40L, 80L, 160L, 320L, 640L);
    }

    @Test
    @DisplayName("Given a long outage, then the wait stops growing at the cap and never overflows")
    void capped() {
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(19)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    @DisplayName("Given the maximum number of attempts, then no further attempt follows")
    void givesUp() {
        assertThat(backoff.retries(1)).isTrue();
        assertThat(backoff.retries(19)).isTrue();
        assertThat(backoff.retries(20)).isFalse();
    }

    @Test
    @DisplayName("Given nonsense settings or attempt numbers, then they are refused")
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
