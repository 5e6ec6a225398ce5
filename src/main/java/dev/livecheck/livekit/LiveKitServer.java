package dev.livecheck.livekit;

/**
 * A running LiveKit server, whichever way it was started. Closing it stops what livecheck started
 * (an external deployment is left alone).
 */
public interface LiveKitServer extends AutoCloseable {
    LiveKitMode mode();

    /** What browsers connect to, e.g. {@code ws://127.0.0.1:7880}. */
    String wsUrl();

    /** What the server API (RoomService) is called on. */
    String httpUrl();

    Credentials credentials();

    String version();

    /** The server's own log (empty for an external deployment). */
    ServerLog log();

    /**
     * Where the server's ICE candidates point (address, port, UDP or TCP): a browser's network path relays
     * these. Known for a LiveKit livecheck starts; for an external one, as {@code livecheck.livekit.mediaEndpoints} says.
     */
    java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints();

    /** LiveKit Egress that livecheck started beside this server ({@code livecheck.egress=true}); an external deployment brings its own. */
    default java.util.Optional<LocalEgress> localEgress() {
        return java.util.Optional.empty();
    }

    /** LiveKit's RoomService for this server (one client, reused). */
    Rooms rooms();

    @Override
    void close();
}
