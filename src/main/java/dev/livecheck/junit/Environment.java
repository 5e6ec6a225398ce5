package dev.livecheck.junit;

import dev.livecheck.app.AppContract;
import dev.livecheck.app.AppUnderTest;
import dev.livecheck.app.AppVariant;
import dev.livecheck.app.EmbeddedReferenceApp;
import dev.livecheck.app.ExternalApp;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.BrowserSettings;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.evidence.AllureEnvironment;
import dev.livecheck.livekit.LiveKitMode;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.net.FaultProxy;
import dev.livecheck.process.ProcessRegistry;
import dev.livecheck.refapp.Seed;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a whole run shares: the LiveKit server, the signalling proxy in front of it, the app under test,
 * the fake media and the browser settings. Started once, on first use; stopped at the end of the run.
 * Cheap checks of the configuration run first, so bad input fails before anything is started.
 */
public final class Environment implements AutoCloseable {
    /** The browser SDK scripts/provision fetches from npm (its default; the provisioned path wins). */
    private static final String LIVEKIT_CLIENT_VERSION = "2.23.0";
    private static final java.util.concurrent.atomic.AtomicInteger INSTANCES = new java.util.concurrent.atomic.AtomicInteger();
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Settings settings;
    private final Path testdata;
    private final AppContract contract;
    private final MediaCatalog media;
    private final BrowserSettings browsers;
    private final Set<String> bugs;
    private final LiveKitServer livekit;
    private final FaultProxy signalling;
    private final AppUnderTest app;
    private BrowserOptions browserOptions = BrowserOptions.defaults();

    private Environment(Settings settings) {
        ProcessRegistry.installReaper();
        this.settings = settings;
        this.testdata = Path.of(settings.getOr("livecheck.testdata", "testdata"));
        this.browsers = BrowserSettings.from(settings);
        this.contract = AppContract.load(settings, testdata.resolve("app-contract.properties"));
        // a folder per environment: concurrent environments must not rewrite a file a browser is reading
        this.media = new MediaCatalog(settings, Path.of(settings.getOr("livecheck.work", "target/livecheck"))
                .resolve("media").resolve(ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet()));
        this.bugs = settings.get("livecheck.app.bugs").map(b -> Arrays.stream(b.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        Optional<String> appUrl = settings.get("livecheck.app.url");
        if (appUrl.isEmpty()) {
            requireBookingsOfTheReferenceApp();
        }
        if (appUrl.isPresent() && !bugs.isEmpty()) {
            throw new LivecheckException("livecheck.app.bugs switches bugs of the reference app, but livecheck.app.url points at another app: unset one of them");
        }
        try {
            this.livekit = remember(settings.getBoolean("livecheck.livekit.reuse", false)
                    ? LiveKitServers.startShared(settings) : LiveKitServers.start(settings));
            this.signalling = signallingProxy(settings, appUrl.isPresent());
            this.app = remember(appUrl.<AppUnderTest>map(url -> new ExternalApp(url, contract))
                    .orElseGet(() -> startReferenceApp(AppVariant.defaults(bugs))));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        AllureEnvironment.write(describe());
    }

    /** The contract's booking ids must make sense for the reference app's seed, or every join fails late and obscurely. */
    private void requireBookingsOfTheReferenceApp() {
        Seed seed = Seed.read(seed());
        String live = contract.liveBookingId();
        if (seed.booking(live).filter(Seed.Booking::isLive).isEmpty()) {
            throw new LivecheckException("livecheck.app.liveBookingId=" + live + " is not a LIVE booking of the reference app ("
                    + seed() + "): use one of " + seed.bookings().stream().filter(Seed.Booking::isLive).map(Seed.Booking::id).toList());
        }
        if (seed.booking(contract.invalidBookingId()).isPresent()) {
            throw new LivecheckException("livecheck.app.invalidBookingId=" + contract.invalidBookingId()
                    + " exists in the reference app's seed: give an id that does not exist");
        }
    }

    public static Environment start(Settings settings) {
        return new Environment(settings);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /**
     * Where livecheck can put itself between the browsers and LiveKit's signalling: in front of a local
     * LiveKit for the embedded app (the app hands out the proxy's URL); for an external app whose LiveKit
     * URL has a host name ({@code livecheck.app.livekitUrl}), by resolving that name to the proxy in the
     * browsers. Otherwise none, and fault checks are skipped with the reason.
     */
    private FaultProxy signallingProxy(Settings settings, boolean externalApp) {
        if (!externalApp) {
            return livekit.mode() == LiveKitMode.EXTERNAL ? null : remember(new FaultProxy(URI.create(livekit.httpUrl()).getPort()));
        }
        Optional<URI> url = settings.get("livecheck.app.livekitUrl").map(URI::create);
        if (url.isEmpty() || url.get().getHost() == null || url.get().getHost().matches("[0-9.]+|\\[.*]")) {
            return null;
        }
        int port = url.get().getPort() > 0 ? url.get().getPort() : url.get().getScheme().matches("wss|https") ? 443 : 80;
        FaultProxy proxy = remember(new FaultProxy(0, java.net.InetSocketAddress.createUnresolved(url.get().getHost(), port)));
        browserOptions = BrowserOptions.defaults().mappingHost(url.get().getHost(), proxy.port());
        return proxy;
    }

    /** The options every browser of the run starts with (a LiveKit host sent through the proxy). */
    public BrowserOptions browserOptions() {
        return browserOptions;
    }

    /** A reference app of its own for one test; the caller closes it. */
    public AppUnderTest startReferenceApp(AppVariant variant) {
        return new EmbeddedReferenceApp(livekit, signallingUrl(), seed(), livekitClientJs(), contract, variant);
    }

    /** The variables a reference app process needs to run against this run's LiveKit. */
    public Map<String, String> referenceAppVariables() {
        return Map.of("LIVEKIT_URL", signallingUrl(), "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                "LIVEKIT_API_SECRET", livekit.credentials().apiSecret(), "LIVEKIT_CLIENT_JS", livekitClientJs().toString(),
                "LIVECHECK_APP_SEED", seed().toAbsolutePath().toString(), "LIVECHECK_APP_BUGS", String.join(",", bugs));
    }

    private Path seed() {
        return testdata.resolve("reference-app/seed.json");
    }

    private Path livekitClientJs() {
        Path js = Path.of(settings.getOr("livecheck.livekitClient.js",
                System.getProperty("user.home") + "/.cache/livecheck/npm/livekit-client-" + LIVEKIT_CLIENT_VERSION + "/livekit-client.umd.js"));
        if (!Files.isReadable(js)) {
            throw new LivecheckException("the livekit-client browser SDK is missing at " + js + ": run scripts/provision or set livecheck.livekitClient.js");
        }
        return js;
    }

    public String signallingUrl() {
        return signalling == null ? livekit.wsUrl() : "ws://127.0.0.1:" + signalling.port();
    }

    public Optional<FaultProxy> signalling() {
        return Optional.ofNullable(signalling);
    }

    public AppContract contract() {
        return contract;
    }

    public MediaCatalog media() {
        return media;
    }

    public BrowserSettings browsers() {
        return browsers;
    }

    public LiveKitServer livekit() {
        return livekit;
    }

    public AppUnderTest app() {
        return app;
    }

    public boolean isReferenceApp() {
        return app.variant().isPresent();
    }

    private Map<String, String> describe() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("livecheck", Optional.ofNullable(Environment.class.getPackage().getImplementationVersion()).orElse("dev"));
        env.put("LiveKit.mode", livekit.mode().label());
        env.put("LiveKit.server", livekit.version());
        env.put("LiveKit.url", livekit.wsUrl());
        env.put("livekit-client", settings.getOr("livecheck.livekitClient.version", LIVEKIT_CLIENT_VERSION));
        env.put("Chromium", browsers.chromiumVersion());
        env.put("Browsers", browsers.gridUrl().map(u -> "Selenium Grid " + u).orElse("local Chromium"));
        env.put("App", isReferenceApp() ? "reference app" : "external");
        env.put("App.url", app.baseUrl());
        env.put("App.bugs", bugs.isEmpty() ? "none" : String.join(",", bugs));
        return env;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("livecheck: while stopping: " + e.getMessage());
            }
        }
    }
}
