package dev.livecheck.refapp;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The bugs the checklists were written against, switchable by configuration
 * ({@code LIVECHECK_APP_BUGS=role-hardcoded,no-connect-timeout}) so livecheck can prove each one is caught.
 */
public enum Bug {
    /** isProvider hard-coded to true: the client gets provider UI and grants. */
    ROLE_HARDCODED("role-hardcoded"),
    /** No connection timeout: a join that never completes stays on "Connecting…" forever. */
    NO_CONNECT_TIMEOUT("no-connect-timeout"),
    /** The connection timeout covers only the LiveKit connection: a token request that hangs hangs the page. */
    TOKEN_REQUEST_UNBOUNDED("token-request-unbounded"),
    /** Participant metadata carries no role. */
    ROLE_METADATA_MISSING("role-metadata-missing"),
    /** Provider and client are put in different rooms. */
    ROOM_NAME_MISMATCH("room-name-mismatch"),
    /** Recording controls rendered for the client too. */
    CLIENT_SEES_RECORDING_CONTROLS("client-sees-recording-controls"),
    /** The recording API does not check the caller's role. */
    RECORDING_API_UNGUARDED("recording-api-unguarded"),
    /** Starting a recording is the provider's only, but anyone in the session may stop one. */
    RECORDING_STOP_UNGUARDED("recording-stop-unguarded"),
    /** Session page and token endpoint do not check the login. */
    NO_AUTH_CHECK("no-auth-check"),
    /** A denied camera/microphone aborts the join. */
    PERMISSION_DENIAL_BREAKS_JOIN("permission-denial-breaks-join"),
    /** A cached token is reused on rejoin even when it has expired. */
    EXPIRED_TOKEN_REUSED("expired-token-reused"),
    /** Identities without the role prefix ("101" instead of "provider-101"). */
    IDENTITY_WITHOUT_ROLE_PREFIX("identity-without-role-prefix"),
    /** An unknown booking id starts a join anyway (connects to a room for a booking that doesn't exist). */
    INVALID_BOOKING_JOINS("invalid-booking-joins"),
    /** Network drops are not surfaced: the page keeps showing the call as if nothing happened. */
    SILENT_DISCONNECT("silent-disconnect"),
    /** Every login is refused. */
    LOGIN_BROKEN("login-broken"),
    /** The bookings pages carry a generic title instead of "Provider Bookings" / "My Bookings". */
    BOOKINGS_MISLABELLED("bookings-mislabelled"),
    /** A LIVE booking is listed without its "Join Live Session" button. */
    LIVE_BOOKING_NOT_JOINABLE("live-booking-not-joinable"),
    /** The page waits 31 s before it connects (slow token service, a blocking script). */
    SLOW_CONNECT("slow-connect"),
    /** Only the microphone is published. */
    CAMERA_NOT_PUBLISHED("camera-not-published"),
    /** Only the camera is published. */
    MICROPHONE_NOT_PUBLISHED("microphone-not-published"),
    /** The provider gets no recording controls. */
    RECORDING_CONTROLS_HIDDEN("recording-controls-hidden"),
    /** Recording runs but no page shows it. */
    RECORDING_INDICATOR_MISSING("recording-indicator-missing"),
    /** "Share screen" says it shares but publishes nothing. */
    SCREEN_SHARE_BROKEN("screen-share-broken"),
    /** Sharing the screen switches the camera off, and stopping the share never switches it back on. */
    SHARE_REPLACES_CAMERA("share-replaces-camera"),
    /** Stopping a screen share mutes the microphone and never unmutes it. */
    SHARE_MUTES_MICROPHONE("share-mutes-microphone"),
    /** "Leave" shows the end screen but stays connected. */
    LEAVE_KEEPS_CONNECTION("leave-keeps-connection"),
    /** The page logs an error after connecting. */
    CONSOLE_ERRORS("console-errors"),
    /** The client's join link differs from the provider's (an extra query parameter). */
    CLIENT_URL_DIFFERS("client-url-differs"),
    /** The app ignores its LiveKit variables and uses {@code livekit-server --dev}'s defaults (ws://localhost:7880, devkey). */
    LIVEKIT_VARIABLES_IGNORED("livekit-variables-ignored"),
    /** The page ends the call when its token's expiry passes, although LiveKit keeps a connected participant in. */
    ENDS_CALL_WHEN_TOKEN_EXPIRES("ends-call-when-token-expires"),
    /**
     * The token's lifetime is given in seconds where the SDK takes milliseconds: tokens live 3.6 s, while the page is
     * told an hour and keeps reusing its token. Joins pass (LiveKit's one-minute leeway); a reload a few minutes in fails.
     */
    TOKEN_LIFETIME_IN_MS("token-lifetime-in-ms"),
    /** The remote audio element's volume is 0: the stream arrives, nobody hears it. */
    REMOTE_AUDIO_MUTED("remote-audio-muted"),
    /** Camera and microphone are asked for together: one denied device costs both. */
    ONE_DENIAL_DROPS_BOTH("one-denial-drops-both"),
    /** Every error says "Something went wrong." and nothing else. */
    VAGUE_ERRORS("vague-errors"),
    /** Go Back leads to the home page, not the bookings. */
    GO_BACK_HOME("go-back-home"),
    /** Anyone signed in may open and join a booking that is not theirs. */
    OTHER_BOOKINGS_JOINABLE("other-bookings-joinable"),
    /** A booking that is not live yet can be joined. */
    UPCOMING_BOOKING_JOINABLE("upcoming-booking-joinable"),
    /** The client's token carries admin, list, create and record grants. */
    CLIENT_TOKEN_ADMIN("client-token-admin"),
    /** The client's token lets it change its own metadata and attributes (its role). */
    CLIENT_CAN_UPDATE_METADATA("client-can-update-metadata"),
    /** The session page carries the LiveKit API key and secret in its configuration. */
    SECRET_IN_PAGE("secret-in-page"),
    /** "Mute" changes the button, not the microphone. */
    MUTE_UI_ONLY("mute-ui-only"),
    /** "Turn camera off" changes the button, not the camera. */
    CAMERA_OFF_UI_ONLY("camera-off-ui-only"),
    /** Tiles are captioned with the raw LiveKit identity, not the person's name. */
    TILE_SHOWS_IDENTITY("tile-shows-identity"),
    /** Someone who leaves stays in the participant list (and their tile stays). */
    LIST_KEEPS_LEAVERS("list-keeps-leavers"),
    /** The camera is published at 5 frames a second. */
    LOW_FRAME_RATE("low-frame-rate"),
    /** The camera capped at 8 kbit/s (meant: 80): the encoder halves the picture and still drops frames. */
    CAMERA_BITRATE_STARVED("camera-bitrate-starved"),
    /** The camera is opened at 160x120 and 8 fps: what the other side gets can never be better. */
    TINY_CAPTURE("tiny-capture"),
    /** The receiving page holds everything back in a 1.5 s jitter buffer. */
    PLAYOUT_DELAY("playout-delay"),
    /** The microphone goes through the app's own processing, 400 ms behind the camera. */
    AV_OUT_OF_SYNC("av-out-of-sync"),
    /** Recording (LiveKit Egress) stops by itself 3 s after it was asked to start. */
    RECORDING_STOPS_EARLY("recording-stops-early"),
    /** The recording template joins without subscribing: the file has the session's length and none of its media. */
    RECORDING_WRITES_NOTHING("recording-writes-nothing"),
    /** The recording template shows and plays only the provider. */
    RECORDING_ONE_PARTICIPANT("recording-one-participant"),
    /** The connection-quality indicator never changes from its first value. */
    QUALITY_INDICATOR_FROZEN("quality-indicator-frozen"),
    /** Each remote camera stays under the tile's opaque "Waiting for video…" cover: decoded, never seen. */
    WAITING_OVERLAY_STAYS("waiting-overlay-stays"),
    /** The microphone published is the wrong audio source: a faint hiss, never the person's voice. */
    WRONG_MICROPHONE("wrong-microphone");

    private final String id;

    Bug(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Set<Bug> parseList(String list) {
        Set<Bug> bugs = EnumSet.noneOf(Bug.class);
        if (list == null || list.isBlank()) {
            return bugs;
        }
        for (String raw : list.split(",")) {
            String wanted = raw.trim().toLowerCase(Locale.ROOT);
            if (!wanted.isEmpty()) {
                bugs.add(Arrays.stream(values()).filter(b -> b.id.equals(wanted)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown bug '" + wanted + "' in LIVECHECK_APP_BUGS: known bugs are "
                                + Arrays.stream(values()).map(Bug::id).collect(Collectors.joining(", ")))));
            }
        }
        return bugs;
    }
}
