package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Quality;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Measured;
import dev.livecheck.junit.TimingSensitive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.livecheck.check.Waits.waitUntil;

/** C-10 on a call of its own: both cameras and microphones are livecheck's timestamped media, measured both ways. */
@LiveCheck
@Tag("client")
@DisplayName("Client checklist: real time")
class RealTimeIT {
    /** How long C-10 watches each direction: long enough for a freeze or a drift to show. */
    private static final Duration REAL_TIME_WINDOW = Duration.ofSeconds(20);

    @Test
    @Checks("C-10")
    @TimingSensitive
    @DisplayName("C-10 Real-time communication works")
    void communicatesInRealTime(@Measured Participant client, @Measured Participant provider, AppUnderTest app) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitMediaBothWays(provider, client);

        List<Quality.Measurement> both = Quality.measureBothWays(provider, client, REAL_TIME_WINDOW, "clean network");
        both.forEach(direction -> Quality.assertWithin(direction, app.profile().quality()));
        waitUntil("both pages still connected").until(() -> client.session().isConnected() && provider.session().isConnected());
    }
}
