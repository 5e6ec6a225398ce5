package dev.livecheck.junit;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.app.AppVariant;
import dev.livecheck.app.EmbeddedReferenceApp;
import dev.livecheck.app.ExternalApp;
import dev.livecheck.app.LaunchedApp;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.BrowserPool;
import dev.livecheck.browser.BrowserSettings;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.evidence.AllureEnvironment;
import dev.livecheck.livekit.LiveKitMode;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.net.NetworkPath;
import dev.livecheck.process.ProcessRegistry;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.ProfileLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a whole run shares: the LiveKit server, the app under test, host names of the test,
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
    private final AppProfile profile;
    private final String naming;
    private final MediaCatalog media;
    private final BrowserSettings browsers;
    private final Set<String> bugs;
    private final LiveKitServer livekit;
    private final Map<String, String> hosts;
    private final AppUnderTest app;
    private final BrowserPool browserPool;
    private BrowserOptions browserOptions = BrowserOptions.defaults();

    private Environment(Settings settings) {
        ProcessRegistry.installReaper();
        dev.livecheck.machine.MachineSampler.running(); // the machine is measured from before anything starts
        this.settings = settings;
        this.testdata = Path.of(settings.getOr("livecheck.testdata", "testdata"));
        this.browsers = BrowserSettings.from(settings);
        this.profile = ProfileLoader.load(settings);
        this.naming = settings.getOr("livecheck.app.naming", "default");
        // a folder per environment: concurrent environments must not rewrite a file a browser is reading
        this.media = new MediaCatalog(settings, Path.of(settings.getOr("livecheck.work", "target/livecheck"))
                .resolve("media").resolve(ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet()));
        this.bugs = settings.get("livecheck.app.bugs").map(b -> Arrays.stream(b.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        Optional<String> appUrl = settings.get("livecheck.app.url");
        Optional<String> command = settings.get("livecheck.app.command");
        if (appUrl.isPresent() && command.isPresent()) {
            throw new LivecheckException("livecheck.app.url and livecheck.app.command are both set: give the URL of an app that runs, "
                    + "or the command livecheck starts it with, not both");
        }
        if (appUrl.isPresent() && (!bugs.isEmpty() || !naming.equals("default"))) {
            throw new LivecheckException("livecheck.app.bugs and livecheck.app.naming set up the reference app, but livecheck.app.url points at "
                    + "another app: unset one of them");
        }
        try {
            this.livekit = remember(settings.getBoolean("livecheck.livekit.reuse", false)
                    ? LiveKitServers.startShared(settings) : LiveKitServers.start(settings));
            this.hosts = hostMappings(settings);
            hosts.forEach((host, address) -> browserOptions = browserOptions.mappingHost(host, address));
            this.app = remember(appUrl.<AppUnderTest>map(url -> new ExternalApp(url, profile))
                    .or(() -> command.map(c -> LaunchedApp.start(c, settings, launchVariables(), profile)))
                    .orElseGet(() -> startReferenceApp(AppVariant.defaults(bugs, naming))));
            // last in, first closed: warm browsers go before the app and LiveKit they were using
            this.browserPool = remember(new BrowserPool(browsers, settings.getBoolean("livecheck.browsers.reuse", true)));
            if (settings.getBoolean("livecheck.app.profileCheck", true)) {
                ProfileFit.check(this);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        AllureEnvironment.write(describe());
    }

    public static Environment start(Settings settings) {
        return new Environment(settings);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /**
     * Host names that exist only for the test ({@code livecheck.hosts=livekit.test=127.0.0.1,...}): every browser
     * resolves them so, and so does every network path's proxy.
     */
    private static Map<String, String> hostMappings(Settings settings) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String entry : settings.getOr("livecheck.hosts", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new LivecheckException("livecheck.hosts: '" + entry.trim() + "' is not name=address, e.g. livekit.test=127.0.0.1");
            }
            hosts.put(parts[0].trim(), parts[1].trim());
        }
        return hosts;
    }

    /** A network path of its own for one browser: to this run's LiveKit (by any URL the app uses), relaying its media. */
    public NetworkPath newNetworkPath() {
        NetworkPath path = NetworkPath.toLiveKit(livekitUrlsForBrowsers(), livekit.mediaEndpoints());
        hosts.forEach(path.proxy()::mapHost);
        return path;
    }

    /** The options every browser of the run starts with (a LiveKit host sent through the proxy). */
    public BrowserOptions browserOptions() {
        return browserOptions;
    }

    /** A reference app of its own for one test; the caller closes it. */
    public AppUnderTest startReferenceApp(AppVariant variant) {
        return new EmbeddedReferenceApp(livekit, signallingUrl(), seed(), livekitClientJs(), profile, variant);
    }

    /** What an app livecheck starts from its command gets: this run's LiveKit and its bugs. */
    private Map<String, String> launchVariables() {
        return Map.of("LIVEKIT_URL", signallingUrl(), "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                "LIVEKIT_API_SECRET", livekit.credentials().apiSecret(), "APP_BUGS", String.join(",", bugs));
    }

    /** The variables a reference app process needs to run against this run's LiveKit. */
    public Map<String, String> referenceAppVariables() {
        return Map.of("LIVEKIT_URL", signallingUrl(), "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                "LIVEKIT_API_SECRET", livekit.credentials().apiSecret(), "LIVEKIT_CLIENT_JS", livekitClientJs().toString(),
                "LIVECHECK_APP_SEED", seed().toAbsolutePath().toString(), "LIVECHECK_APP_BUGS", String.join(",", bugs),
                "LIVECHECK_APP_NAMING", naming);
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

    /** The LiveKit URL the apps livecheck starts hand to browsers. */
    public String signallingUrl() {
        return livekit.wsUrl();
    }

    /** The LiveKit URLs that lead a browser to this run's LiveKit: its own, and the app's name for it. */
    public java.util.Set<String> livekitUrlsForBrowsers() {
        java.util.Set<String> urls = new java.util.LinkedHashSet<>(List.of(livekit.wsUrl()));
        settings.get("livecheck.app.livekitUrl").ifPresent(urls::add);
        return urls;
    }

    /** The profile of the app under test (the run's; a test's own app shares it). */
    public AppProfile profile() {
        return profile;
    }

    public MediaCatalog media() {
        return media;
    }

    /** Browsers for the run's tests: warm ones reused where the launch is the same (see BrowserPool). */
    public BrowserPool browserPool() {
        return browserPool;
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
        env.put("Browsers", browsers.gridUrl().map(u -> "Selenium Grid " + u).orElse("local " + browsers.choice().label()));
        if (browsers.choice().uses(dev.livecheck.browser.BrowserChoice.Kind.FIREFOX)) {
            env.put("Firefox", browsers.firefox().version() + ", geckodriver " + browsers.firefox().driverVersion());
        }
        env.put("App", isReferenceApp() ? "reference app" : app instanceof LaunchedApp ? "started by livecheck" : "external");
        env.put("App.profile", profile.toString());
        env.put("App.url", app.baseUrl());
        env.put("App.bugs", bugs.isEmpty() ? "none" : String.join(",", bugs));
        return env;
    }

    @Override
    public void close() {
        if (browserPool != null && browserPool.used()) {
            System.out.println("[livecheck] browsers: " + browserPool.summary());
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("livecheck: while stopping: " + e.getMessage());
            }
        }
    }
}
