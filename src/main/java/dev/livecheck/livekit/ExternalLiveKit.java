package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;

/** A LiveKit deployment someone else runs. livecheck only reads from it and deletes its test rooms. */
final class ExternalLiveKit implements LiveKitServer {
    private final String wsUrl;
    private final Credentials credentials;
    private final ServerLog log = new ServerLog();
    private final java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints;
    private Rooms rooms;

    ExternalLiveKit(String url, Credentials credentials, java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints) {
        this.mediaEndpoints = java.util.List.copyOf(mediaEndpoints);
        if (!url.matches("(?i)(wss?|https?)://.+")) {
            throw new LivecheckException("LIVEKIT_URL '" + url + "' is not a URL: give e.g. wss://livekit.example.com");
        }
        this.wsUrl = url.replaceFirst("(?i)^http", "ws").replaceAll("/+$", "");
        this.credentials = credentials;
        rooms().list(); // fails fast on a wrong key/secret or an unreachable server
    }

    @Override
    public LiveKitMode mode() {
        return LiveKitMode.EXTERNAL;
    }

    @Override
    public String wsUrl() {
        return wsUrl;
    }

    @Override
    public String httpUrl() {
        return wsUrl.replaceFirst("^ws", "http");
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public String version() {
        return "external";
    }

    @Override
    public ServerLog log() {
        return log;
    }

    @Override
    public java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints() {
        return mediaEndpoints;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public synchronized Rooms rooms() {
        if (rooms == null) {
            rooms = new Rooms(httpUrl(), credentials());
        }
        return rooms;
    }
}
