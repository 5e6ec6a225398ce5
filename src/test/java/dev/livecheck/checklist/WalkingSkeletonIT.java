package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.livekit.Rooms;
import org.junit.jupiter.api.Test;

@LiveCheck
class WalkingSkeletonIT {

    @Test
    void providerAndClientJoinTheLiveBookingAndSeeEachOther(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        provider.logInAndJoin();
        client.logInAndJoin();

        Presence.awaitEachSeesTheOther(provider, client);
        Presence.awaitServerLists(rooms, app.contract().liveRoom(), provider, client);
        MediaFlow.awaitMediaFrom(provider, client);
        MediaFlow.awaitMediaFrom(client, provider);
    }
}
