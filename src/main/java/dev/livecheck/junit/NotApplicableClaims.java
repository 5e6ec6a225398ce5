package dev.livecheck.junit;

import dev.livecheck.browser.Participant;
import dev.livecheck.check.ServerView;
import dev.livecheck.media.Role;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.Locator;
import dev.livecheck.redact.Redactor;
import livekit.LivekitModels;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A profile's "not applicable" is a claim about the app, and where the app can show the feature, the run holds the claim
 * against it before taking the profile's word: a login form at the app's root (login); on the provider's session page, a
 * screen-share control (screenShare) or recording controls (recording); on LiveKit, the provider's role in its metadata
 * or attributes (roles), the room recording or an Egress for it (recording). A claim the app contradicts fails the test
 * with "the profile says not applicable, but …" and what was seen; one that holds ends it not applicable, saying what
 * was looked at. Bookings, the participant list and the quality indicator have no sign livecheck can tell from an app
 * that lacks them: taken on the profile's word, and the verdict says so. Looked at once per environment (one browser,
 * one join), before the first test of a class that needs it.
 */
final class NotApplicableClaims {
    /** How long a page gets to show a control it has, once it is in the room (or loaded). */
    private static final Duration LOOK = Duration.ofSeconds(5);
    private static final String SHARE = "share.{0,12}screen|screen.?shar";
    private static final String RECORD = "\\brecord(ing)?\\b";
    private static final Map<Environment, Map<Feature, Claim>> SEEN = new WeakHashMap<>();

    /** Contradicted: the app shows the feature ({@code evidence} says how); else {@code evidence} says what was looked at. */
    record Claim(boolean contradicted, String evidence) {
    }

    private NotApplicableClaims() {
    }

    /** Ends the test not applicable where the profile says so and the app does not contradict it; fails it where the app does. */
    static void hold(Environment env, Feature feature) {
        AppProfile profile = env.profile();
        Optional<String> reason = profile.notApplicable(feature);
        if (reason.isEmpty()) {
            return;
        }
        Claim claim = claim(env, feature);
        if (claim.contradicted()) {
            throw new AssertionFailedError(Redactor.redact("the profile says not applicable (notApplicable." + feature.key() + ": \"" + reason.get()
                    + "\", " + profile.source() + "), but " + claim.evidence() + " — remove notApplicable." + feature.key()
                    + " from the profile so the item is checked, or fix the app"));
        }
        NotApplicable.unless(profile, feature, claim.evidence());
    }

    /**
     * Before a class's first test, what the profile says the app lacks is held against the app for every feature the
     * class's tests need, and kept for {@link #hold}: looking joins the live session and ends with its room deleted,
     * which, done on the first test that needs it, ended a scenario's call already in that room (Huddle's provider got
     * "The room was closed" and P-10 failed).
     */
    static boolean lookBeforeTheCall(Environment env, Class<?> testClass) {
        Set<Feature> needed = EnumSet.noneOf(Feature.class);
        for (java.lang.reflect.Method m : testClass.getDeclaredMethods()) {
            Optional.ofNullable(m.getAnnotation(Needs.class)).ifPresent(n -> needed.addAll(List.of(n.value())));
        }
        needed.stream().filter(f -> env.profile().notApplicable(f).isPresent()).forEach(f -> claim(env, f));
        return true;
    }

    private static Claim claim(Environment env, Feature feature) {
        Map<Feature, Claim> seen;
        synchronized (SEEN) {
            seen = SEEN.computeIfAbsent(env, e -> new EnumMap<>(Feature.class));
        }
        synchronized (seen) {
            if (!seen.containsKey(feature)) {
                seen.putAll(observe(env, feature));
            }
            return seen.get(feature);
        }
    }

    /** What the app shows of {@code feature} — and, when it takes a join to see, of every other session feature the profile denies. */
    private static Map<Feature, Claim> observe(Environment env, Feature feature) {
        Map<Feature, Claim> claims = new EnumMap<>(Feature.class);
        switch (feature) {
            case LOGIN -> claims.put(feature, lookAtTheRoot(env));
            case SCREEN_SHARE, RECORDING, ROLES -> claims.putAll(lookInASession(env));
            default -> claims.put(feature, new Claim(false, "not observable: taken on the profile's word"));
        }
        return claims;
    }

    private static Participant browser(Environment env) {
        AppProfile profile = env.profile();
        return new Participant("not-applicable-check", profile.account(Role.PROVIDER), env.media().of(Role.PROVIDER), env.app(),
                env.livekit().rooms(), env.browsers(), env.browserOptions());
    }

    private static Claim lookAtTheRoot(Environment env) {
        try (Participant p = browser(env)) {
            p.open("/");
            java.util.concurrent.atomic.AtomicReference<String> form = new java.util.concurrent.atomic.AtomicReference<>();
            poll("a login form at the app's root", LOOK, () -> {
                visible(p, "input[type=password]", null).ifPresent(form::set);
                return form.get() != null;
            });
            String url = p.driver().getCurrentUrl();
            return Optional.ofNullable(form.get()).map(f -> new Claim(true, "the app's root (" + url + ") shows a login form: " + f))
                    .orElseGet(() -> new Claim(false, "no password field at " + url + " within " + LOOK.toSeconds() + " s"));
        } catch (RuntimeException e) {
            return new Claim(false, "not checked: the app's root did not open (" + firstLine(e) + ")");
        }
    }

    /** The provider joins the live session; the page and LiveKit are looked at for every session feature the profile denies. */
    private static Map<Feature, Claim> lookInASession(Environment env) {
        AppProfile profile = env.profile();
        List<Feature> denied = List.of(Feature.SCREEN_SHARE, Feature.RECORDING, Feature.ROLES).stream().filter(f -> !profile.offers(f)).toList();
        Map<Feature, Claim> claims = new EnumMap<>(Feature.class);
        try (Participant p = browser(env)) {
            p.logInAndJoin();
            boolean in = poll("the provider in the live session, to look for what the profile says the app lacks",
                    profile.conventions().connectTimeout().plus(LOOK), () -> ServerView.find(env.livekit().rooms(), p).isPresent());
            if (!in) {
                denied.forEach(f -> claims.put(f, new Claim(false, "not checked: the provider did not get into the live session to look")));
                return claims;
            }
            poll("what the profile says the app lacks, on the provider's page and LiveKit", LOOK, () -> {
                ServerView.Listed listed = ServerView.find(env.livekit().rooms(), p).orElseThrow();
                for (Feature f : denied) {
                    if (!claims.containsKey(f)) {
                        seen(p, env, listed, f).ifPresent(evidence -> claims.put(f, new Claim(true, evidence)));
                    }
                }
                return claims.size() == denied.size();
            });
            denied.forEach(f -> claims.putIfAbsent(f, new Claim(false, notSeen(f))));
        } catch (RuntimeException e) {
            denied.forEach(f -> claims.putIfAbsent(f, new Claim(false, "not checked: " + firstLine(e))));
        } finally {
            try {
                env.livekit().rooms().matching(profile.liveRoom()::matches).forEach(r -> env.livekit().rooms().delete(r.getName()));
            } catch (RuntimeException ignored) {
                // the next test's clean-up deletes it too
            }
        }
        return claims;
    }

    private static Optional<String> seen(Participant p, Environment env, ServerView.Listed in, Feature f) {
        return switch (f) {
            case SCREEN_SHARE -> byProfile(p, "session.shareScreen").or(() -> visible(p, "[data-lk-source='screen_share']", SHARE))
                    .map(c -> "the provider's session page shows a screen-share control: " + c);
            case RECORDING -> byProfile(p, "session.recordingControls").or(() -> byProfile(p, "session.startRecording"))
                    .or(() -> visible(p, "[data-lk-recording-controls]", RECORD)).map(c -> "the provider's session page shows recording controls: " + c)
                    .or(() -> recordingOnLiveKit(env, in.room()));
            case ROLES -> role(in.info());
            default -> Optional.empty();
        };
    }

    private static String notSeen(Feature f) {
        return switch (f) {
            case SCREEN_SHARE -> "no screen-share control on the provider's session page";
            case RECORDING -> "no recording controls on the provider's session page, no recording or Egress of the room on LiveKit";
            case ROLES -> "no role in the provider's LiveKit metadata or attributes";
            default -> "not observable: taken on the profile's word";
        };
    }

    private static Optional<String> byProfile(Participant p, String key) {
        Optional<Locator> locator = p.profile().locator(key).filter(l -> !l.uses("identity") && !l.uses("name") && !l.uses("session"));
        if (locator.isEmpty()) {
            return Optional.empty();
        }
        List<WebElement> shown = p.driver().findElements(locator.get().by(Map.of())).stream().filter(WebElement::isDisplayed).toList();
        return shown.isEmpty() ? Optional.empty() : Optional.of("the profile's own " + key + " (" + locator.get() + ")");
    }

    private static Optional<String> recordingOnLiveKit(Environment env, String room) {
        if (env.livekit().rooms().room(room).map(LivekitModels.Room::getActiveRecording).orElse(false)) {
            return Optional.of("LiveKit reports room " + room + " recording (active_recording) with no one asking for it");
        }
        return env.livekit().rooms().egress(room).stream().findFirst()
                .map(e -> "LiveKit lists an Egress for room " + room + " (" + e.getEgressId() + ", " + e.getStatus() + ")");
    }

    private static Optional<String> role(LivekitModels.ParticipantInfo info) {
        if (info.getAttributesMap().containsKey("role")) {
            return Optional.of("LiveKit lists the provider (" + info.getIdentity() + ") with the attribute role=" + info.getAttributesMap().get("role"));
        }
        if (info.getMetadata().matches("(?s)\\s*\\{.*\"role\"\\s*:.*")) {
            return Optional.of("LiveKit lists the provider (" + info.getIdentity() + ") with metadata " + info.getMetadata());
        }
        return Optional.empty();
    }

    /** The first visible element matching {@code css}, or a button-like one whose words match {@code words}: described. */
    private static Optional<String> visible(Participant p, String css, String words) {
        Object found = ((JavascriptExecutor) p.driver()).executeScript("""
                const css = arguments[0], words = arguments[1] ? new RegExp(arguments[1], 'i') : null;
                const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
                const text = e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.innerText, e.value].filter(Boolean).join(' ').trim();
                const describe = e => '<' + e.tagName.toLowerCase() + ['id', 'name', 'type', 'data-testid', 'data-lk-source']
                  .filter(a => e.getAttribute(a)).map(a => ' ' + a + '="' + e.getAttribute(a) + '"').join('') + '>'
                  + (text(e) ? ' "' + text(e).slice(0, 60) + '"' : '');
                for (const e of document.querySelectorAll(css)) if (shown(e)) return describe(e);
                if (words) for (const e of document.querySelectorAll('button, [role=button], input[type=button], input[type=submit]'))
                  if (words.test(text(e)) && shown(e)) return describe(e);
                return null;""", css, words);
        return Optional.ofNullable(found).map(String::valueOf);
    }

    /** An observation, not a check: a page that never shows the feature is the answer, not a failure. Returns whether {@code done} came true. */
    private static boolean poll(String what, Duration atMost, java.util.concurrent.Callable<Boolean> done) {
        try {
            org.awaitility.Awaitility.await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO)
                    .ignoreExceptions().until(done);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException notThere) {
            return false;
        }
    }

    private static String firstLine(RuntimeException e) {
        return Redactor.redact(String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
    }
}
