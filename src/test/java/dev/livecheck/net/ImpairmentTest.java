package dev.livecheck.net;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImpairmentTest {

    @Test
    void noneIsCleanAndCutIsAnOutage() {
        assertThat(Impairment.none().isClean()).isTrue();
        assertThat(Impairment.cut().outage()).isTrue();
        assertThat(Impairment.cut().isClean()).isFalse();
        assertThat(Impairment.none()).hasToString("clean");
        assertThat(Impairment.cut()).hasToString("outage");
    }

    @Test
    void withersChangeOneFieldAndDescribeThemselves() {
        Impairment i = Impairment.none().withDelay(Duration.ofMillis(75)).withJitter(Duration.ofMillis(10)).withLoss(0.05).withRate(500_000);
        assertThat(i.delay()).isEqualTo(Duration.ofMillis(75));
        assertThat(i.jitter()).isEqualTo(Duration.ofMillis(10));
        assertThat(i.loss()).isEqualTo(0.05);
        assertThat(i.rateBitsPerSecond()).isEqualTo(500_000);
        assertThat(i.queueLimit()).isEqualTo(Impairment.DEFAULT_QUEUE_LIMIT);
        assertThat(i.toString()).contains("delay 75 ms", "jitter ±10 ms", "loss 5.0 %", "rate 500 kbit/s");
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> Impairment.none().withLoss(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.none().withLoss(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.none().withDelay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Impairment.none().withRate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
