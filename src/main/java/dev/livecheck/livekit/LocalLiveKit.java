package dev.livecheck.livekit;

/** What a LiveKit that livecheck starts itself (container or binary) has: its configuration, its log, its version. */
abstract class LocalLiveKit implements LiveKitServer {
    protected final LocalServerConfig config;
    protected final ServerLog log = new ServerLog();
    private final String version;
    private Rooms rooms;
    private LocalEgress egress;

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

    void attach(LocalEgress started) {
        this.egress = started;
    }

    @Override
    public java.util.Optional<LocalEgress> localEgress() {
        return java.util.Optional.ofNullable(egress);
    }

    protected void closeEgress() {
        if (egress != null) {
            egress.close();
        }
    }

    @Override
    public synchronized Rooms rooms() {
        if (rooms == null) {
            rooms = new Rooms(httpUrl(), credentials());
        }
        return rooms;
    }
}
