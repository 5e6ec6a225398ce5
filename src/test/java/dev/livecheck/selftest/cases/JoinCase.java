package dev.livecheck.selftest.cases;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import org.junit.jupiter.api.Test;

/** Checklist-shaped tests the self-tests run in a nested launcher (not by Failsafe: no IT suffix). */
@LiveCheck
public class JoinCase {

    @Test
    @Checks({"P-10", "C-09"})
    void bothSeeEachOthersCamera(Participant provider, Participant client) {
        Consultation.joinBoth(provider, client);
        MediaFlow.awaitVideoFrom(provider, client);
        MediaFlow.awaitVideoFrom(client, provider);
    }

    @Test
    void clientBrowserClosedBeforeTheWait(Participant provider, Participant client) {
        provider.logInAndJoin();
        client.logInAndJoin();
        client.close();
        Presence.awaitEachSeesTheOther(provider, client);
    }
}
