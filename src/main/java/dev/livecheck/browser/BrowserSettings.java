package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
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
 */
public record BrowserSettings(Path chromium, Path chromedriver, boolean headless, Optional<URI> gridUrl, String chromiumVersion,
                              DriverSource.Mode driverSource, Duration driverDeadline) {
    public static BrowserSettings from(Settings settings) {
        Optional<URI> grid = settings.get("livecheck.grid.url").map(URI::create);
        Path chromium = Path.of(settings.getOr("livecheck.chromium.binary", "/usr/bin/chromium"));
        Path driver = Path.of(settings.getOr("livecheck.chromedriver", "/usr/bin/chromedriver"));
        DriverSource.Mode source = DriverSource.Mode.of(settings.getOr("livecheck.driver", "auto"));
        if (grid.isEmpty()) {
            if (!Files.isExecutable(chromium)) {
                throw new LivecheckException("Chromium not found at " + chromium + ": run scripts/provision (installs Debian chromium) "
                        + "or set livecheck.chromium.binary");
            }
            if (source == DriverSource.Mode.SYSTEM && !Files.isExecutable(driver)) {
                throw new LivecheckException("chromedriver not found at " + driver + ": run scripts/provision (installs Debian chromium-driver) "
                        + "or set livecheck.chromedriver");
            }
        }
        boolean headless = settings.getBoolean("livecheck.headless", true) || System.getenv("DISPLAY") == null;
        BrowserSettings browsers = new BrowserSettings(chromium, driver, headless, grid, settings.getOr("livecheck.chromium.version", "unknown"),
                source, Duration.ofSeconds(settings.getInt("livecheck.driver.timeout.seconds", 60)));
        if (grid.isEmpty()) {
            DriverSource.executable(browsers); // chosen now, and said at start-up: a missing driver fails before anything is started
        }
        return browsers;
    }
}
