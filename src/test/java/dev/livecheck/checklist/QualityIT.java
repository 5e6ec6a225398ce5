package dev.livecheck.checklist;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.ConnectionQuality;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Quality;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Measured;
import dev.livecheck.junit.NetworkFaults;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.net.Impairment;
import dev.livecheck.net.UdpRelay;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-04 measured: the client's network made bad in user space (its own relay to LiveKit, signalling and media), and
 * the call stays usable both ways — with the figures, what the relay actually produced, and how LiveKit and the page
 * rated the client's connection. Nightly: each scenario watches the call for 20 s. Isolated: its figures are of the
 * network it shapes, not of other classes' calls sharing the CPU.
 */
@LiveCheck
@Tag("quality")
@Tag("nightly")
@Isolated
@TimingSensitive
@DisplayName("Real-time quality on a bad network")
class QualityIT {
    private static final Duration WINDOW = Duration.ofSeconds(20);

    @Test
    @Checks("E-04")
    @DisplayName("E-04 The call stays usable with 150 ms added round trip")
    void addedRoundTrip(@Measured Participant provider, @Measured @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);
        long before = client.probe().stats().roundTripMs();

        client.network().impair(Impairment.none().withDelay(Duration.ofMillis(75)));
        List<Quality.Measurement> both = measure("150 ms added RTT", provider, client);

        long after = client.probe().stats().roundTripMs();
        produced("round trip (client's ICE pair): " + before + " ms before, " + after + " ms under the impairment (set: +150 ms)");
        assertThat(after - before).as("the relay adds the round trip it was set to").isBetween(140L, 250L);
        both.forEach(Quality::assertUsable);
        // LiveKit's score barely counts delay (see ConnectionQuality), so its rating is reported here, not asserted
        produced("LiveKit's ratings of the client: " + ConnectionQuality.ratingsOf(client, provider, rooms));
    }

    @Test
    @Checks("E-04")
    @DisplayName("E-04 The call stays usable with 5 % packet loss")
    void packetLoss(@Measured Participant provider, @Measured @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);

        client.network().impair(Impairment.none().withLoss(0.05));
        UdpRelay.Stats start = client.network().mediaTotals();
        List<Quality.Measurement> both = measure("5 % loss", provider, client);
        UdpRelay.Stats end = client.network().mediaTotals();

        double up = ratio(end.upDropped() - start.upDropped(), end.upReceived() - start.upReceived());
        double down = ratio(end.downDropped() - start.downDropped(), end.downReceived() - start.downReceived());
        produced(String.format(Locale.ROOT, "media datagrams dropped: up %.2f %%, down %.2f %% (set: 5 %%)", up * 100, down * 100));
        assertThat(up).as("loss the relay produced, up").isBetween(0.03, 0.07);
        assertThat(down).as("loss the relay produced, down").isBetween(0.03, 0.07);
        both.forEach(Quality::assertUsable);
        // measured: LiveKit v1.13.5 still rates a client losing 5 % (both ways, at the relay) excellent, so its rating
        // is reported here, not asserted; F-05 and the bandwidth cap below hold the page to a drop LiveKit does report
        produced("LiveKit's ratings of the client: " + ConnectionQuality.ratingsOf(client, provider, rooms));
    }

    @Test
    @Checks("E-04")
    @DisplayName("E-04 The call stays usable capped at 500 kbit/s")
    void bandwidthCap(@Measured Participant provider, @Measured @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);

        int ratingsBefore = ConnectionQuality.ratingsOf(client, provider, rooms).size();
        client.network().impair(Impairment.none().withRate(500_000));
        UdpRelay.Stats start = client.network().mediaTotals();
        long startedAt = System.nanoTime();
        List<Quality.Measurement> both = measure("500 kbit/s cap", provider, client);
        UdpRelay.Stats end = client.network().mediaTotals();
        double seconds = (System.nanoTime() - startedAt) / 1e9;

        long upKbps = Math.round((end.upBytes() - start.upBytes()) * 8 / seconds / 1000);
        long downKbps = Math.round((end.downBytes() - start.downBytes()) * 8 / seconds / 1000);
        produced("media through the relay: up " + upKbps + " kbit/s, down " + downKbps + " kbit/s (set: 500 kbit/s each way)");
        assertThat(upKbps).as("up rate the relay let through (kbit/s)").isBetween(1L, 550L);
        assertThat(downKbps).as("down rate the relay let through (kbit/s)").isBetween(1L, 550L);
        both.forEach(Quality::assertUsable);
        // recorded, not required: the senders' congestion control settles under the cap, and LiveKit v1.13.5 kept rating
        // the client EXCELLENT throughout (measured twice: not one rating change in 20 s); loss lowers it (F-05)
        List<String> ratings = ConnectionQuality.ratingsOf(client, provider, rooms);
        produced("LiveKit's ratings of the client since the cap: " + ratings.subList(ratingsBefore, ratings.size()));
    }

    @Test
    @Checks("E-04")
    @DisplayName("E-04 The call comes back by itself after a 3 s outage")
    void threeSecondOutage(@Measured Participant provider, @Measured @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);
        int ratingsBefore = ConnectionQuality.ratingsOf(client, provider, rooms).size();

        ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
        List<Quality.Measurement> both;
        try {
            // the outage falls inside the measured window: 5 s in, 3 s long
            outage.schedule(() -> client.network().impair(Impairment.cut()), 5, TimeUnit.SECONDS);
            outage.schedule(() -> client.network().restore(), 8, TimeUnit.SECONDS);
            both = measure("3 s outage", provider, client);
        } finally {
            outage.shutdownNow();
            client.network().restore();
        }

        both.forEach(m -> assertThat(m.longestFreezeMs()).as("%s: the outage froze the picture (longest freeze, ms); %s", m.direction(), m)
                .isGreaterThanOrEqualTo(2500));
        produced("longest freeze: " + both.stream().map(m -> m.direction() + " " + m.longestFreezeMs() + " ms").toList() + " (set: a 3 s outage)");
        both.forEach(Quality::assertUsable);
        List<String> ratings = ConnectionQuality.ratingsOf(client, provider, rooms);
        produced("LiveKit's ratings of the client since the outage: " + ratings.subList(ratingsBefore, ratings.size()));
        assertThat(ratings.subList(ratingsBefore, ratings.size())).as("LiveKit rated the client below excellent during the outage")
                .containsAnyOf("GOOD", "POOR", "LOST");
    }

    private static List<Quality.Measurement> measure(String scenario, Participant provider, Participant client) {
        return Allure.step("measure both ways for " + WINDOW.toSeconds() + " s (" + scenario + ")", () ->
                Quality.measureBothWays(provider, client, WINDOW, scenario));
    }

    private static void produced(String what) {
        Allure.addAttachment("what the network did", "text/plain", what);
        System.out.println("[livecheck] network: " + what);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
