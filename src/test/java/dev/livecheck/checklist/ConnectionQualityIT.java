package dev.livecheck.checklist;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.ConnectionQuality;
import dev.livecheck.check.Consultation;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.NetworkFaults;
import dev.livecheck.junit.TimingSensitive;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.net.Impairment;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.CONNECTION_QUALITY;
import static org.assertj.core.api.Assertions.assertThat;

/** F-05 on a call of its own: the client's browser on a network path the test impairs. */
@LiveCheck
@Tag("features")
@DisplayName("Features: connection quality")
class ConnectionQualityIT {

    @Test
    @Checks("F-05")
    @TimingSensitive
    @Needs(CONNECTION_QUALITY)
    @DisplayName("F-05 Connection quality is shown, and drops on a bad network")
    void connectionQualityIsShownAndDropsOnABadNetwork(Participant provider, @NetworkFaults Participant client, Rooms rooms) {
        Consultation.joinBoth(provider, client);
        waitUntil("the provider's page shows the client's connection quality").untilAsserted(() ->
                assertThat(provider.session().connectionQualityOf(client.asPerson())).as("quality shown for the client").isIn("excellent", "good"));

        Allure.step("the client's network loses 15 % of its packets and is capped at 300 kbit/s", () ->
                client.network().impair(Impairment.none().withLoss(0.15).withRate(300_000)));
        ConnectionQuality.awaitServerRatesBelowExcellent(client, provider, rooms);
        ConnectionQuality.awaitPageShowsBelowExcellent(client, provider);
        client.network().restore();
    }

}
