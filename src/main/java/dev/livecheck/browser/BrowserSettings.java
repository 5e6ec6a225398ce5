package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.grid.GridCapacity;
import dev.livecheck.config.Settings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How browsers are started: {@code livecheck.chromium.binary} and {@code livecheck.chromedriver}
 * (Debian's by default), {@code livecheck.driver} (where the driver comes from, see {@link DriverSource}),
 * {@code livecheck.headless} (true unless a display exists and it is set false),
 * {@code livecheck.grid.url} (a Selenium Grid instead of local browsers).
 * {@code chromedriver} is the system driver; {@link DriverSource#executable} is the one local browsers use.
 * {@code livecheck.browsers} chooses each participant's browser ({@link BrowserChoice}); Firefox's are
 * {@code livecheck.firefox.binary} and {@code livecheck.geckodriver} (scripts/provision-firefox).
 */
public record BrowserSettings(Path chromium, Path chromedriver, boolean headless, Optional<URI> gridUrl, String chromiumVersion,
                              DriverSource.Mode driverSource, Duration driverDeadline, BrowserChoice choice, Firefox firefox) {
    private static final java.util.Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Firefox and its driver, as scripts/provision-firefox found and built them. */
    public record Firefox(Path binary, Path geckodriver, String version, String driverVersion) {
        static Firefox from(Settings settings) {
            return new Firefox(Path.of(settings.getOr("livecheck.firefox.binary", "/usr/bin/firefox-esr")),
                    Path.of(settings.getOr("livecheck.geckodriver", System.getProperty("user.home") + "/.cache/livecheck/geckodriver/0.37.1/bin/geckodriver")),
                    settings.getOr("livecheck.firefox.version", "unknown"), settings.getOr("livecheck.geckodriver.version", "unknown"));
        }

        void requireInstalled() {
            if (!Files.isExecutable(binary)) {
                throw new LivecheckException("Firefox not found at " + binary + ": run scripts/provision-firefox (installs Debian firefox-esr) "
                        + "or set livecheck.firefox.binary");
            }
            if (!Files.isExecutable(geckodriver)) {
                throw new LivecheckException("geckodriver not found at " + geckodriver + ": run scripts/provision-firefox (builds it once with cargo) "
                        + "or set livecheck.geckodriver");
            }
        }
    }

    /** Chromium for everybody, as before there was a choice (tests that build settings by hand). */
    public BrowserSettings(Path chromium, Path chromedriver, boolean headless, Optional<URI> gridUrl, String chromiumVersion,
                           DriverSource.Mode driverSource, Duration driverDeadline) {
        this(chromium, chromedriver, headless, gridUrl, chromiumVersion, driverSource, driverDeadline, BrowserChoice.chromium(),
                new Firefox(Path.of("/usr/bin/firefox-esr"), Path.of("geckodriver"), "unknown", "unknown"));
    }

    public static BrowserSettings from(Settings settings) {
        Optional<URI> grid = settings.get("livecheck.grid.url").map(URI::create);
        Path chromium = Path.of(settings.getOr("livecheck.chromium.binary", "/usr/bin/chromium"));
        Path driver = Path.of(settings.getOr("livecheck.chromedriver", "/usr/bin/chromedriver"));
        DriverSource.Mode source = DriverSource.Mode.of(settings.getOr("livecheck.driver", "auto"));
        BrowserChoice choice = BrowserChoice.parse(settings.getOr("livecheck.browsers", "chromium"));
        // Firefox alone needs no Chromium on the machine
        boolean localChromium = grid.isEmpty() && choice.uses(BrowserChoice.Kind.CHROMIUM);
        if (localChromium) {
            if (!Files.isExecutable(chromium)) {
                throw new LivecheckException("Chromium not found at " + chromium + ": run scripts/provision (installs Debian chromium) "
                        + "or set livecheck.chromium.binary");
            }
            if (source == DriverSource.Mode.SYSTEM && !Files.isExecutable(driver)) {
                throw new LivecheckException("chromedriver not found at " + driver + ": run scripts/provision (installs Debian chromium-driver) "
                        + "or set livecheck.chromedriver");
            }
        }
        Firefox firefox = Firefox.from(settings);
        if (choice.uses(BrowserChoice.Kind.FIREFOX)) {
            if (grid.isPresent()) {
                throw new LivecheckException("livecheck.browsers=" + choice.label() + " with livecheck.grid.url: Firefox runs locally only for now; "
                        + "unset one of them");
            }
            firefox.requireInstalled();
            if (ANNOUNCED.add(choice.label())) {
                System.out.println("[livecheck] browsers " + choice.label() + ": Firefox " + firefox.version() + " (" + firefox.binary() + "), geckodriver "
                        + firefox.driverVersion() + " (" + firefox.geckodriver() + ")");
            }
        }
        // a Grid that is not there, not a Grid, or full ends the run here, in seconds, before anything is started
        grid.ifPresent(url -> GridCapacity.classesAtOnce(url, choice));
        boolean headless = settings.getBoolean("livecheck.headless", true) || System.getenv("DISPLAY") == null;
        BrowserSettings browsers = new BrowserSettings(chromium, driver, headless, grid, settings.getOr("livecheck.chromium.version", "unknown"),
                source, Duration.ofSeconds(settings.getInt("livecheck.driver.timeout.seconds", 60)), choice, firefox);
        if (localChromium) {
            DriverSource.executable(browsers); // chosen now, and said at start-up: a missing driver fails before anything is started
        }
        return browsers;
    }
}
