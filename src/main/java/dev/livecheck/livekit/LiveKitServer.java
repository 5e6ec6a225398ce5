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

    /** Makes the server unreachable while it keeps its state, as a network outage does. */
    void interruptNetwork();

    void restoreNetwork();

    /** LiveKit's RoomService for this server (one client, reused). */
    Rooms rooms();

    @Override
    void close();
}
