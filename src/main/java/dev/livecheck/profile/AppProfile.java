package dev.livecheck.profile;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.media.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How livecheck sees one app: how each role logs in and reaches the session, where every element a check
 * reads or clicks is, how the page shows the state of the join, how the app names rooms and identities, and
 * what the app does not offer. Read from a profile file ({@link ProfileLoader}); pages and checks ask it,
 * so no check knows any one app.
 */
public final class AppProfile {
    /** Every element a check may read or click, with what it is (the profile reference in the README lists these). */
    public static final Map<String, String> LOCATORS = ordered(
            "login.username", "the login form's user name or email field",
            "login.password", "the login form's password field",
            "login.submit", "the login form's submit button",
            "login.signedIn", "shown once signed in (e.g. the navigation)",
            "login.failed", "the login form's error (wrong credentials)",
            "login.prompt", "the notice on the login page when sent there to log in first",
            "login.currentUser", "the signed-in user's name",
            "bookings.open", "what opens the bookings list from a signed-in page (or set flow.bookingsPath)",
            "bookings.title", "the bookings page's title",
            "bookings.row", "one booking's row ({session})",
            "bookings.status", "one booking's status ({session})",
            "bookings.join", "one booking's join button ({session})",
            "prejoin.name", "the pre-join name field",
            "prejoin.submit", "the pre-join join button",
            "session.status", "the session's status text",
            "session.error", "the error panel (in-page errors)",
            "session.errorTitle", "the error's title",
            "session.errorMessage", "the error's message",
            "session.tryAgain", "the error's retry button",
            "session.goBack", "the error's way back",
            "session.roomName", "where the page shows the room name",
            "session.localIdentity", "where the page shows the user's own LiveKit identity",
            "session.remoteTile", "a remote participant's tile ({identity}, {name})",
            "session.remoteVideo", "a remote participant's camera video ({identity}, {name}); without them, any remote camera video",
            "session.remoteAudio", "a remote participant's audio element ({identity}, {name}); without them, any remote audio element",
            "session.remoteTiles", "every remote participant's camera tile (no placeholder): F-03 reads whose video and which name each shows",
            "session.tileName", "inside a tile, the element with the person's name",
            "session.tileVideo", "inside a tile, the camera video",
            "session.startAudio", "the button a page shows when the browser blocked audio until a click (LiveKit's startAudio)",
            "session.remoteQuality", "a remote participant's connection-quality indicator ({identity}, {name}): its data-quality, data-lk-quality or text",
            "session.remoteScreen", "a remote screen share video",
            "session.localVideo", "the user's own camera preview",
            "session.shareScreen", "the screen share toggle",
            "session.sharing", "shown while the user shares their screen",
            "session.toggleCamera", "the camera toggle",
            "session.toggleMicrophone", "the microphone toggle",
            "session.recordingControls", "the recording controls",
            "session.startRecording", "the start recording button",
            "session.stopRecording", "the stop recording button",
            "session.recordingIndicator", "shown while the session is recorded",
            "session.permissionWarning", "the notice that camera or microphone access is blocked",
            "session.tokenExpiredNotice", "the notice that the session token expired",
            "session.leave", "the leave button",
            "session.rejoin", "the rejoin button after leaving (without it, rejoin opens the session again)");

    /** Texts the checks expect, in the app's words. */
    public static final Map<String, String> TEXTS = ordered(
            "bookings.title.provider", "the provider's bookings page title",
            "bookings.title.client", "the client's bookings page title",
            "bookings.liveStatus", "the status a LIVE booking shows",
            "bookings.joinLabel", "the join button's label",
            "login.prompt", "what the login prompt says (contained, any case)",
            "session.tryAgain", "the retry button's label",
            "session.goBack", "the way back's label",
            "session.waiting", "the status while alone in the room ({otherRole})",
            "session.notFound", "what an error for a session that does not exist says (contained, any case)");

    public enum JoinVia { BOOKINGS, URL }

    /** How a role gets into a session. */
    public record Flow(Optional<String> loginPath, Optional<String> bookingsPath, String sessionUrl, JoinVia join, boolean preJoin) {
    }

    /** An app endpoint a check may call from the browser, e.g. {@code POST /api/bookings/{session}/token}. */
    public record ApiRoute(String method, String path) {
        public String pathFor(String session) {
            return path.replace("{session}", session);
        }
    }

    private final String name;
    private final String source;
    private final Map<Role, String> roleNames;
    private final Map<Role, Account> accounts;
    private final List<Account> group;
    private final Map<String, String> sessions;
    private final Flow flow;
    private final Map<String, Locator> locators;
    private final Map<String, String> texts;
    private final List<StateRule> sessionState;
    private final Optional<ParticipantList> participantList;
    private final Conventions conventions;
    private final Map<String, ApiRoute> api;
    private final Map<Feature, String> notApplicable;
    private final Map<String, List<String>> vocabulary;
    private final QualityThresholds quality;

    AppProfile(String name, String source, Map<Role, String> roleNames, Map<Role, Account> accounts, List<Account> group,
               Map<String, String> sessions, Flow flow, Map<String, Locator> locators, Map<String, String> texts,
               List<StateRule> sessionState, Optional<ParticipantList> participantList, Conventions conventions,
               Map<String, ApiRoute> api, Map<Feature, String> notApplicable, Map<String, List<String>> vocabulary,
               QualityThresholds quality) {
        this.name = name;
        this.source = source;
        this.roleNames = Map.copyOf(roleNames);
        this.accounts = Map.copyOf(accounts);
        this.group = List.copyOf(group);
        this.sessions = Map.copyOf(sessions);
        this.flow = flow;
        this.locators = Map.copyOf(locators);
        this.texts = Map.copyOf(texts);
        this.sessionState = List.copyOf(sessionState);
        this.participantList = participantList;
        this.conventions = conventions;
        this.api = Map.copyOf(api);
        this.notApplicable = Map.copyOf(notApplicable);
        this.vocabulary = Map.copyOf(vocabulary);
        this.quality = quality;
    }

    /** What counts as real-time for this app (C-10): its profile's {@code quality.*}, by default the usual conversational norms. */
    public QualityThresholds quality() {
        return quality;
    }

    /** The app's own words for a problem or an action in its errors ({@code vocabulary.connection}, {@code vocabulary.tryAgain}). */
    public List<String> vocabulary(String key) {
        return vocabulary.getOrDefault(key, List.of());
    }

    public String name() {
        return name;
    }

    /** The file the profile was read from (and the ones it extends), for messages. */
    public String source() {
        return source;
    }

    /** The app's name for a side of the consultation (e.g. {@code mechanic} for the provider). */
    public String roleName(Role role) {
        return roleNames.get(role);
    }

    public Account account(Role role) {
        return accounts.get(role);
    }

    /** Extra clients for a group session (may be empty). */
    public List<Account> groupAccounts() {
        return group;
    }

    /** A session id (booking or room) the profile names: live, invalid, notLive, notTheirs, group. */
    public Optional<String> session(String key) {
        return Optional.ofNullable(sessions.get(key));
    }

    public String liveSession() {
        return sessions.get("live");
    }

    public Flow flow() {
        return flow;
    }

    /** The path of a session's page, e.g. {@code /session/5001}. */
    public String sessionPath(String session) {
        return flow.sessionUrl().replace("{session}", session);
    }

    public Optional<Locator> locator(String key) {
        return Optional.ofNullable(locators.get(key));
    }

    /** The locator a step cannot do without; a profile that lacks it is told so, naming the key. */
    public Locator requireLocator(String key) {
        return locator(key).orElseThrow(() -> new LivecheckException("profile '" + name + "' (" + source + ") has no locator '" + key
                + "' (" + LOCATORS.getOrDefault(key, "?") + "): add it under locators"));
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    public List<StateRule> sessionState() {
        return sessionState;
    }

    public Optional<ParticipantList> participantList() {
        return participantList;
    }

    public Conventions conventions() {
        return conventions;
    }

    public Optional<ApiRoute> api(String key) {
        return Optional.ofNullable(api.get(key));
    }

    /** Why the app does not offer this, when its profile says so. */
    public Optional<String> notApplicable(Feature feature) {
        return Optional.ofNullable(notApplicable.get(feature));
    }

    public boolean offers(Feature feature) {
        return !notApplicable.containsKey(feature);
    }

    public Map<Feature, String> notApplicable() {
        return notApplicable;
    }

    /** The identity the app should give this account on LiveKit. */
    public NamePattern identityOf(Account account) {
        return conventions.identityOf(account, roleName(account.role()));
    }

    /** The room the live session should be in. */
    public NamePattern liveRoom() {
        return conventions.roomFor(liveSession());
    }

    @Override
    public String toString() {
        return name + " (" + source + ")";
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
