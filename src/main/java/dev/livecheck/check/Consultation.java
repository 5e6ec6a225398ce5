package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import io.qameta.allure.Allure;

/** The common opening of most checks: both log in, join the LIVE booking, and see each other. */
public final class Consultation {
    private Consultation() {
    }

    public static void joinBoth(Participant provider, Participant client) {
        provider.logInAndJoin();
        client.logInAndJoin();
        Allure.step("provider and client see each other", () -> Presence.awaitEachSeesTheOther(provider, client));
    }
}
