package dev.livecheck.check;

import dev.livecheck.profile.AppProfile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error a person can act on: its words name what went wrong (the connection, the login, the booking, a
 * permission, the network) and what to do (try again, go back, log in, allow access, check the network) — in
 * a default English vocabulary, plus the app's own words from its profile ({@code vocabulary}). A button that
 * offers the action (Try Again, Go Back) counts as saying it.
 */
public final class ErrorWording {
    /**
     * What went wrong. A booking problem is said for its situation: a booking that does not exist, one that is not the
     * user's, one not live (yet); "Booking not found" for a booking that merely has not started misleads its reader.
     */
    public enum Problem { CONNECTION, NETWORK, LOGIN, BOOKING, NOT_FOUND, NOT_YOURS, NOT_LIVE, PERMISSION, EXPIRED }

    /** What to do about it. */
    public enum Action { TRY_AGAIN, GO_BACK, LOG_IN, ALLOW, CHECK_NETWORK, REJOIN }

    private static final Map<Problem, List<String>> PROBLEMS = new EnumMap<>(Map.of(
            Problem.CONNECTION, List.of("connect", "connection", "reach", "join"),
            Problem.NETWORK, List.of("network", "internet", "connection", "offline", "connectivity"),
            Problem.LOGIN, List.of("log in", "login", "sign in", "signed in"),
            Problem.BOOKING, List.of("booking", "appointment", "session", "consultation", "not found", "doesn't exist", "does not exist",
                    "not your", "not live", "isn't live", "not started", "cancelled"),
            Problem.PERMISSION, List.of("camera", "microphone", "permission", "access", "blocked", "not allowed"),
            Problem.NOT_FOUND, List.of("not found", "doesn't exist", "does not exist", "couldn't find", "could not find", "can't find",
                    "cannot find", "no such", "invalid", "unknown", "cancelled", "canceled"),
            Problem.NOT_YOURS, List.of("not your", "not a participant", "not part of", "not invited", "someone else", "belongs to another",
                    "don't have access", "do not have access", "no access", "not allowed", "not authorised", "not authorized"),
            Problem.NOT_LIVE, List.of("not live", "isn't live", "is not live", "not started", "hasn't started", "has not started", "not yet",
                    "upcoming", "scheduled", "starts at", "when it is live", "once it is live", "has ended", "is over", "completed", "not open"),
            Problem.EXPIRED, List.of("expired", "expiry", "expires", "no longer valid")));
    private static final Map<Action, List<String>> ACTIONS = new EnumMap<>(Map.of(
            Action.TRY_AGAIN, List.of("try again", "retry", "reconnect", "try later"),
            Action.GO_BACK, List.of("go back", "back to", "return to"),
            Action.LOG_IN, List.of("log in", "sign in"),
            Action.ALLOW, List.of("allow", "enable", "grant", "settings"),
            Action.CHECK_NETWORK, List.of("check your connection", "check your network", "check your internet", "internet connection"),
            Action.REJOIN, List.of("join again", "rejoin", "refresh", "reload")));

    private ErrorWording() {
    }

    /** The words for a problem or an action: the default ones and the profile's ({@code vocabulary.<name>}). */
    static List<String> words(Enum<?> what, AppProfile profile) {
        List<String> words = new ArrayList<>(what instanceof Problem p ? PROBLEMS.get(p) : ACTIONS.get((Action) what));
        profile.vocabulary(key(what)).forEach(w -> words.add(w.toLowerCase(Locale.ROOT)));
        return words;
    }

    /** {@code TRY_AGAIN} → {@code tryAgain}: how a profile names it. */
    public static String key(Enum<?> what) {
        String[] parts = what.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return key.toString();
    }

    /**
     * Whether the text says this word or phrase, starting at a word's start: "connect" is in "connecting" but not in
     * "disconnected", "access" not in "inaccessible". Typographic apostrophes count as plain ones.
     */
    static boolean says(String text, String word) {
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(w)).matcher(lower).find();
    }

    /** Which of these problems the text names. */
    public static Set<Problem> problemsIn(String text, AppProfile profile, Set<Problem> candidates) {
        Set<Problem> named = new LinkedHashSet<>();
        for (Problem p : candidates) {
            if (words(p, profile).stream().anyMatch(w -> says(text, w))) {
                named.add(p);
            }
        }
        return named;
    }

    /** Which of these actions the text (or the buttons offered) says. */
    public static Set<Action> actionsIn(String text, Set<Action> offeredByButtons, AppProfile profile, Set<Action> candidates) {
        Set<Action> said = new LinkedHashSet<>();
        for (Action a : candidates) {
            if (offeredByButtons.contains(a) || words(a, profile).stream().anyMatch(w -> says(text, w))) {
                said.add(a);
            }
        }
        return said;
    }

    private static final List<String> REFUSED = List.of("blocked", "denied", "not allowed", "no access", "unavailable", "refused",
            "disabled", "can't use", "cannot use", "couldn't start", "could not start", "not available", "permission");

    /**
     * The devices a warning says are blocked: a device named in a sentence that also says it is refused. A warning for a
     * blocked camera that also calls the microphone blocked tells the person to fix what works.
     */
    public static Set<String> devicesCalledBlocked(String text, AppProfile profile) {
        Set<String> devices = new LinkedHashSet<>();
        for (String sentence : text.split("(?<=[.!?])\\s+|\\n")) {
            boolean refused = REFUSED.stream().anyMatch(w -> says(sentence, w)) || profile.vocabulary("permission").stream().anyMatch(w -> says(sentence, w));
            if (!refused) {
                continue;
            }
            if (says(sentence, "camera") || says(sentence, "webcam") || says(sentence, "video")) {
                devices.add("camera");
            }
            if (says(sentence, "microphone") || says(sentence, "mic") || says(sentence, "audio")) {
                devices.add("microphone");
            }
        }
        return devices;
    }

    /** The error names one of {@code problems} and says one of {@code actions}. */
    public static void assertActionable(String who, String text, Set<Action> offeredByButtons, AppProfile profile,
                                        Set<Problem> problems, Set<Action> actions) {
        assertThat(problemsIn(text, profile, problems)).as("%s's error \"%s\" says what went wrong (%s)", who, text, problems).isNotEmpty();
        assertThat(actionsIn(text, offeredByButtons, profile, actions)).as("%s's error \"%s\" says what to do (%s)", who, text, actions).isNotEmpty();
    }
}
