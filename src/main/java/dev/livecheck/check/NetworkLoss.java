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
     * signalling reset at once, the lost media only after its ICE timeouts (about 17 s, measured); an app that
     * shows only the latter is still in time.
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
