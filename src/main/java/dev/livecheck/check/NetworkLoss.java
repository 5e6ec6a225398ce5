package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.profile.SessionState;

import java.time.Duration;

/**
 * A participant's network going away for a moment: the page says it is reconnecting, and once the network is back the
 * call returns with media both ways. E-04 tries it on a fresh call; the long session tries it past the token's expiry.
 */
public final class NetworkLoss {
    /**
     * How long a page may take to show it is reconnecting once the network is gone: LiveKit's client notices the
     * signalling reset at once, the lost media only after the browser's ICE timeouts (about 17 s on Chromium,
     * measured); an app that shows only the latter is still in time there. Firefox takes about 29 s (measured on
     * Huddle, which shows only the latter): its users wait that long with a frozen call and no word, and the
     * server has dropped them by then (23 s), so such an app fails there — the app's finding, as the page could say
     * so at once.
     */
    public static final Duration RECONNECTING_NOTICED = Duration.ofSeconds(25);

    private NetworkLoss() {
    }

    /** Cuts {@code lost}'s network, waits for its page to say it is reconnecting, restores it, and waits for the call. */
    public static void aMomentaryLossRecovers(Participant lost, Participant other) {
        lost.network().disconnect();
        Waits.inherent(lost.name() + "'s page shows it is reconnecting", RECONNECTING_NOTICED)
                .until(() -> lost.session().state() == SessionState.RECONNECTING);
        lost.network().restore();
        Presence.awaitEachSeesTheOther(other, lost);
        MediaFlow.awaitMediaBothWays(other, lost);
    }
}
