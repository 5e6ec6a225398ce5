package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.media.Role;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.Locator;
import dev.livecheck.profile.SessionState;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Before any test: does the profile fit the app at all? One browser opens the app's entry page (its login
 * page, or the session page for an app without login) and looks for the profile's first element; with a
 * login and bookings it signs the provider in and looks for the live session's booking. A profile written
 * for another app, or naming a session the app does not have, fails here in seconds, in one line naming the
 * element, its locator and the page, with a screenshot — instead of every test timing out on its own. What
 * the app does (a refused login, a missing join button) is left to the tests to judge.
 */
final class ProfileFit {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ProfileFit() {
    }

    static void check(Environment env) {
        AppUnderTest app = env.app();
        AppProfile profile = app.profile();
        Instant started = Instant.now();
        try (Participant p = new Participant("profile-check", profile.account(Role.PROVIDER), env.media().of(Role.PROVIDER), app,
                env.livekit().rooms(), env.browsers(), env.browserOptions())) {
            if (profile.offers(Feature.LOGIN)) {
                String path = profile.flow().loginPath().orElseThrow();
                p.open(path);
                require(p, profile, "login.username");
                if (profile.flow().join() == AppProfile.JoinVia.BOOKINGS && signsIn(p, profile)) {
                    p.openBookings();
                    require(p, profile, "bookings.row", Map.of("session", profile.liveSession()),
                            "is sessions.live (" + profile.liveSession() + ") one of the provider's bookings? ");
                }
            } else {
                p.open(profile.sessionPath(profile.liveSession()));
                if (profile.flow().preJoin()) {
                    require(p, profile, "prejoin.submit");
                } else {
                    requireSomeState(p, profile);
                }
            }
        } finally {
            if (!profile.offers(Feature.LOGIN)) {
                try {
                    env.livekit().rooms().matching(profile.liveRoom()::matches).forEach(r -> env.livekit().rooms().delete(r.getName()));
                } catch (RuntimeException ignored) {
                    // nothing joined yet
                }
            }
        }
        System.out.printf("[livecheck] app profile %s fits the app at %s (%d ms)%n", profile, app.baseUrl(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private static void require(Participant p, AppProfile profile, String key) {
        require(p, profile, key, Map.of(), "");
    }

    private static void require(Participant p, AppProfile profile, String key, Map<String, String> values, String hint) {
        Locator locator = profile.requireLocator(key);
        try {
            await("profile check: " + key).atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> p.driver().findElements(locator.by(values)).stream().anyMatch(WebElement::isDisplayed));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw misfit(p, profile, key + " (" + locator.describe(values) + ")", hint);
        }
    }

    /** The provider's login goes through; a refused login is the app's behaviour for the tests to judge, not a misfit. */
    private static boolean signsIn(Participant p, AppProfile profile) {
        p.loginPage().logIn(profile.account(Role.PROVIDER));
        try {
            await("profile check: signed in").atMost(WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> p.nav().isShown() || p.loginPage().showsError());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw misfit(p, profile, "login.signedIn (" + profile.requireLocator("login.signedIn") + ") or login.failed", "");
        }
        return p.nav().isShown();
    }

    private static void requireSomeState(Participant p, AppProfile profile) {
        try {
            await("profile check: session state").atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> p.session().state() != SessionState.ABSENT);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw misfit(p, profile, "no sessionState rule (" + profile.sessionState().size() + " rules)", "");
        }
    }

    private static LivecheckException misfit(Participant p, AppProfile profile, String what, String hint) {
        String url = p.driver().getCurrentUrl();
        Path shot = Path.of("target/livecheck/profile-check.png").toAbsolutePath();
        try {
            Files.createDirectories(shot.getParent());
            Files.write(shot, p.screenshot());
        } catch (IOException | RuntimeException e) {
            shot = null;
        }
        return new LivecheckException("app profile '" + profile.name() + "' does not fit the app: " + what + " not shown on " + url
                + " within " + WAIT.toSeconds() + " s" + (shot == null ? "" : " (screenshot " + shot + ")")
                + " — " + hint + "choose the app's profile with livecheck.app.profile, or fix that locator in " + profile.source());
    }
}
