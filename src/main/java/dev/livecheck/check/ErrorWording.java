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
    /** What went wrong. */
    public enum Problem { CONNECTION, NETWORK, LOGIN, BOOKING, PERMISSION, EXPIRED }

    /** What to do about it. */
    public enum Action { TRY_AGAIN, GO_BACK, LOG_IN, ALLOW, CHECK_NETWORK, REJOIN }

    private static final Map<Problem, List<String>> PROBLEMS = new EnumMap<>(Map.of(
            Problem.CONNECTION, List.of("connect", "connection", "reach", "join"),
            Problem.NETWORK, List.of("network", "internet", "connection", "offline", "connectivity"),
            Problem.LOGIN, List.of("log in", "login", "sign in", "signed in"),
            Problem.BOOKING, List.of("booking", "appointment", "session", "consultation", "not found", "doesn't exist", "does not exist",
                    "not your", "not live", "isn't live", "not started", "cancelled"),
            Problem.PERMISSION, List.of("camera", "microphone", "permission", "access", "blocked", "not allowed"),
            Problem.EXPIRED, List.of("expired", "expiry", "no longer valid")));
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

    /** Which of these problems the text names. */
    public static Set<Problem> problemsIn(String text, AppProfile profile, Set<Problem> candidates) {
        Set<Problem> named = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Problem p : candidates) {
            if (words(p, profile).stream().anyMatch(lower::contains)) {
                named.add(p);
            }
        }
        return named;
    }

    /** Which of these actions the text (or the buttons offered) says. */
    public static Set<Action> actionsIn(String text, Set<Action> offeredByButtons, AppProfile profile, Set<Action> candidates) {
        Set<Action> said = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Action a : candidates) {
            if (offeredByButtons.contains(a) || words(a, profile).stream().anyMatch(lower::contains)) {
                said.add(a);
            }
        }
        return said;
    }

    /** The error names one of {@code problems} and says one of {@code actions}. */
    public static void assertActionable(String who, String text, Set<Action> offeredByButtons, AppProfile profile,
                                        Set<Problem> problems, Set<Action> actions) {
        assertThat(problemsIn(text, profile, problems)).as("%s's error \"%s\" says what went wrong (%s)", who, text, problems).isNotEmpty();
        assertThat(actionsIn(text, offeredByButtons, profile, actions)).as("%s's error \"%s\" says what to do (%s)", who, text, actions).isNotEmpty();
    }
}
