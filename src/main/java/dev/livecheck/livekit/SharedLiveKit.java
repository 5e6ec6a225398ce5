package dev.livecheck.livekit;

/** A view of a server that outlives the run using it: everything but {@link #close()} passes through. */
record SharedLiveKit(LiveKitServer server) implements LiveKitServer {
    @Override
    public LiveKitMode mode() {
        return server.mode();
    }

    @Override
    public String wsUrl() {
        return server.wsUrl();
    }

    @Override
    public String httpUrl() {
        return server.httpUrl();
    }

    @Override
    public Credentials credentials() {
        return server.credentials();
    }

    @Override
    public String version() {
        return server.version();
    }

    @Override
    public java.util.Optional<LocalEgress> localEgress() {
        return server.localEgress();
    }

    @Override
    public ServerLog log() {
        return server.log();
    }

    @Override
    public java.util.List<dev.livecheck.net.MediaEndpoint> mediaEndpoints() {
        return server.mediaEndpoints();
    }

    @Override
    public Rooms rooms() {
        return server.rooms();
    }

    @Override
    public void close() {
        // the owner closes it with LiveKitServers.closeShared()
    }
}
