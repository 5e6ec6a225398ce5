package dev.livecheck.livekit;

/** What a LiveKit that livecheck starts itself (container or binary) has: its configuration, its log, its version. */
abstract class LocalLiveKit implements LiveKitServer {
    protected final LocalServerConfig config;
    protected final ServerLog log = new ServerLog();
    private final String version;
    private Rooms rooms;

    LocalLiveKit(LocalServerConfig config, String version) {
        this.config = config;
        this.version = version;
    }

    @Override
    public String wsUrl() {
        return config.wsUrl();
    }

    @Override
    public String httpUrl() {
        return config.httpUrl();
    }

    @Override
    public Credentials credentials() {
        return config.credentials();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints() {
        return config.mediaEndpoints();
    }

    @Override
    public ServerLog log() {
        return log;
    }

    @Override
    public synchronized Rooms rooms() {
        if (rooms == null) {
            rooms = new Rooms(httpUrl(), credentials());
        }
        return rooms;
    }
}
