package dev.livecheck.net;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The arithmetic of one direction, on a virtual clock (nanoseconds). */
class LinkModelTest {
    private static final long MS = 1_000_000L;

    private final AtomicReference<Impairment> impairment = new AtomicReference<>(Impairment.none());
    private final LinkModel link = new LinkModel(impairment::get, new Random(42));

    @Test
    void aCleanLinkSendsAtOnce() {
        assertThat(link.datagram(1200, 5 * MS)).hasValue(5 * MS);
        assertThat(link.chunk(1200, 6 * MS)).isEqualTo(6 * MS);
    }

    @Test
    void delayIsAddedToEveryPacket() {
        impairment.set(Impairment.none().withDelay(Duration.ofMillis(75)));
        assertThat(link.datagram(100, 0)).hasValue(75 * MS);
        assertThat(link.datagram(100, 10 * MS)).hasValue(85 * MS);
    }

    @Test
    void jitterStaysWithinItsBoundsAndNeverReorders() {
        impairment.set(Impairment.none().withDelay(Duration.ofMillis(50)).withJitter(Duration.ofMillis(20)));
        long previous = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 10_000; i++) {
            long now = i * 20 * MS; // one packet per 20 ms, like audio
            long departure = link.datagram(100, now).orElseThrow();
            assertThat(departure).isGreaterThanOrEqualTo(previous);
            min = Math.min(min, departure - now);
            max = Math.max(max, departure - now);
            previous = departure;
        }
        assertThat(min).isBetween(30 * MS, 32 * MS);
        assertThat(max).isBetween(68 * MS, 70 * MS);
    }

    @Test
    void lossDropsThatFractionOfDatagrams() {
        impairment.set(Impairment.none().withLoss(0.05));
        int dropped = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            if (link.datagram(100, i * MS).isEmpty()) {
                dropped++;
            }
        }
        assertThat(dropped / (double) n).isBetween(0.045, 0.055);
    }

    @Test
    void aRateCapSerialisesPacketsAndDropsWhatWouldQueueTooLong() {
        impairment.set(Impairment.none().withRate(500_000).withQueueLimit(Duration.ofMillis(100)));
        // 1250 bytes = 10 000 bits = 20 ms at 500 kbit/s; a burst of 10 at t=0 queues behind each other
        for (int i = 1; i <= 6; i++) {
            assertThat(link.datagram(1250, 0)).hasValue(i * 20 * MS);
        }
        assertThat(link.datagram(1250, 0)).isEmpty(); // would wait 120 ms > 100 ms
        assertThat(link.datagram(1250, 200 * MS)).hasValue(220 * MS); // queue drained meanwhile
    }

    @Test
    void aStreamIsNeverDroppedOnlyDelayedByTheRate() {
        impairment.set(Impairment.none().withLoss(1.0).withRate(8_000).withQueueLimit(Duration.ZERO));
        assertThat(link.chunk(1000, 0)).isEqualTo(1000 * MS);
        assertThat(link.chunk(1000, 0)).isEqualTo(2000 * MS);
    }

    @Test
    void anOutageDropsEverythingUntilItEnds() {
        impairment.set(Impairment.cut());
        assertThat(link.datagram(100, 0)).isEqualTo(OptionalLong.empty());
        assertThat(link.isOutage()).isTrue();
        impairment.set(Impairment.none());
        assertThat(link.datagram(100, MS)).hasValue(MS);
    }
}
