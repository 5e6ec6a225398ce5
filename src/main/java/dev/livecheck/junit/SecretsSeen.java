package dev.livecheck.junit;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SEC-04 in every test, not in its own only: after each test that passed, every browser it used is searched for the
 * LiveKit API secret (its pages, storage, cookies, console, and the answers watched). Flows that carry more than a
 * plain join — recording, reconnects, errors, expired tokens — are where a secret slips out. A find fails the test
 * that saw it, naming where and never the secret.
 */
final class SecretsSeen {
    private SecretsSeen() {
    }

    static Optional<AssertionError> inAnyBrowser(TestRun run) {
        String secret = run.environment().livekit().credentials().apiSecret();
        List<String> found = new ArrayList<>();
        for (Participant p : run.participants()) {
            try {
                Secrets.placesReached(p, secret).forEach(place -> found.add(p.name() + "'s browser: " + place));
            } catch (org.openqa.selenium.WebDriverException gone) {
                // a browser the test closed or lost: what it showed was searched while it ran, where the test asked
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new AssertionError(
                "SEC-04: the LiveKit API secret reached a browser during this test — " + String.join("; ", found)));
    }
}
