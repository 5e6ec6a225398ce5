package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.refapp.Bug;
import dev.livecheck.refapp.Naming;
import dev.livecheck.refapp.RefAppConfig;
import dev.livecheck.refapp.ReferenceApp;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference app started in the test JVM. Browsers reach LiveKit through {@code signallingUrl} (the
 * fault proxy), so a test can black-hole signalling without touching the app.
 */
public final class EmbeddedReferenceApp implements AppUnderTest {
    private final ReferenceApp app;
    private final AppProfile profile;
    private final AppVariant variant;

    public EmbeddedReferenceApp(LiveKitServer livekit, String signallingUrl, Path seed, Path livekitClientJs,
                                AppProfile profile, AppVariant variant) {
        this.profile = profile;
        this.variant = variant;
        RefAppConfig config;
        try {
            config = new RefAppConfig(signallingUrl, livekit.credentials().apiKey(), livekit.credentials().apiSecret(), 0,
                    variant.connectTimeoutMs() > 0 ? variant.connectTimeoutMs() : RefAppConfig.DEFAULT_CONNECT_TIMEOUT_MS, variant.tokenTtlSeconds(), seed, livekitClientJs,
                    Bug.parseList(String.join(",", variant.bugs())), Naming.parse(variant.naming()),
                    livekit.localEgress().map(e -> new RefAppConfig.Egress(livekit.httpUrl(), e.recordingsDir())).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new LivecheckException(e.getMessage() + " (livecheck.app.bugs, livecheck.app.naming)", e);
        }
        try {
            // browsers on other hosts (a Grid's nodes) reach it too; its URL stays localhost, which they map to this machine
            this.app = ReferenceApp.start(config, dev.livecheck.net.AdvertisedHost.current().isLoopbackAddress() ? "127.0.0.1" : "0.0.0.0");
        } catch (IllegalStateException e) {
            throw new LivecheckException("reference app did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public String baseUrl() {
        return app.url();
    }

    @Override
    public AppProfile profile() {
        return profile;
    }

    @Override
    public Optional<AppVariant> variant() {
        return Optional.of(variant);
    }

    @Override
    public void close() {
        app.close();
    }
}
