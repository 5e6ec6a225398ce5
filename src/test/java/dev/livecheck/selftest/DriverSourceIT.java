package dev.livecheck.selftest;

import dev.livecheck.browser.BrowserSettings;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.browser.DriverSource;
import dev.livecheck.browser.DriverSource.Mode;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import io.github.bonigarcia.wdm.WebDriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the chromedriver comes from (livecheck.driver), proven without internet: a matching system driver wins;
 * without one WebDriverManager fetches from a mirror on loopback, then from its cache alone, and the fetched driver
 * runs a real browser; a mirror that never answers ends at the deadline; no mirror at all fails fast naming the fix.
 */
@Tag("selftest")
@Isolated
class DriverSourceIT {
    private static final Settings PROVISIONED = Settings.fromSystem();
    private static final Path CHROMIUM = Path.of(PROVISIONED.getOr("livecheck.chromium.binary", "/usr/bin/chromium"));
    private static final Path SYSTEM_DRIVER = Path.of(PROVISIONED.getOr("livecheck.chromedriver", "/usr/bin/chromedriver"));
    private static final Path HIDDEN = Path.of("/nonexistent/chromedriver");

    @TempDir
    Path work;

    @Test
    void aSystemDriverOfTheBrowsersVersionWinsWithoutAskingWebDriverManager() {
        DriverSource.Choice choice = DriverSource.choose(settings(Mode.AUTO, SYSTEM_DRIVER, Duration.ofSeconds(60)), () -> {
            throw new AssertionError("WebDriverManager asked although the system driver matches");
        });
        System.out.println(choice.line());
        assertThat(choice.driver()).isEqualTo(SYSTEM_DRIVER);
        assertThat(choice.line()).startsWith("[livecheck] chromedriver: system " + SYSTEM_DRIVER + " (ChromeDriver ").contains(" matches ");
    }

    @Test
    void withoutASystemDriverWebDriverManagerFetchesFromAMirrorThenFromItsCacheAndTheDriverRunsABrowser() throws IOException {
        String version = DriverSource.versionOf(SYSTEM_DRIVER).orElseThrow().number();
        Path cache = work.resolve("wdm-cache");
        DriverSource.Choice fetched;
        try (ChromedriverMirror mirror = ChromedriverMirror.serving(SYSTEM_DRIVER, version)) {
            fetched = DriverSource.choose(settings(Mode.AUTO, HIDDEN, Duration.ofSeconds(60)), () -> ChromedriverMirror.configured(mirror.url(), cache));
            System.out.println(fetched.line());
            assertThat(fetched.line()).startsWith("[livecheck] chromedriver: WebDriverManager " + version + " from " + mirror.url()
                    + " (no chromedriver at " + HIDDEN + "; for ");
            assertThat(fetched.driver()).startsWith(cache);
            assertThat(mirror.served()).contains("/" + version + "/linux64/chromedriver-linux64.zip");
        }

        DriverSource.Choice cached = DriverSource.choose(settings(Mode.WEBDRIVERMANAGER, SYSTEM_DRIVER, Duration.ofSeconds(60)),
                () -> ChromedriverMirror.configured("http://127.0.0.1:1", cache));
        System.out.println(cached.line());
        assertThat(cached.line()).startsWith("[livecheck] chromedriver: WebDriverManager " + version + " from its cache " + cache
                + " (livecheck.driver=webdrivermanager; for ");
        assertThat(cached.driver()).isEqualTo(fetched.driver());

        String page = HeadlessSession.open(settings(Mode.SYSTEM, fetched.driver(), Duration.ofSeconds(60)), work);
        assertThat(page).as("title and user agent").startsWith("ok ").contains("HeadlessChrome/" + version.split("\\.")[0] + ".");
    }

    @Test
    void aMirrorThatNeverAnswersEndsAtTheDeadlineAndLeavesNothingRunning() throws IOException {
        Instant start = Instant.now();
        // connections complete in the kernel's backlog and are never answered
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String mirror = "http://127.0.0.1:" + silent.getLocalPort();
            Supplier<WebDriverManager> hanging = () -> ChromedriverMirror.configured(mirror, work.resolve("wdm-cache"));
            assertThatThrownBy(() -> DriverSource.choose(settings(Mode.AUTO, HIDDEN, Duration.ofSeconds(3)), hanging))
                    .isInstanceOf(LivecheckException.class)
                    .hasMessageContaining("no chromedriver at " + HIDDEN + ", and WebDriverManager failed (no answer within 3 s from " + mirror)
                    .hasMessageContaining("livecheck.driver.timeout.seconds")
                    .message().doesNotContain("\n");
            assertThat(Duration.between(start, Instant.now())).as("time to fail").isLessThan(Duration.ofSeconds(10));
        }
        waitUntil("WebDriverManager's thread ended once its mirror went away", Duration.ofSeconds(60))
                .until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("livecheck-webdrivermanager")));
    }

    @Test
    void noSystemDriverAndNoReachableMirrorFailsFastNamingTheFix() {
        Instant start = Instant.now();
        // .invalid never resolves (RFC 6761): the same UnknownHostException as WebDriverManager's own hosts without internet
        assertThatThrownBy(() -> DriverSource.choose(settings(Mode.AUTO, HIDDEN, Duration.ofSeconds(60)),
                () -> ChromedriverMirror.configured("http://wdm-mirror.invalid", work.resolve("wdm-cache"))))
                .isInstanceOf(LivecheckException.class)
                .hasMessageContaining("no chromedriver at " + HIDDEN + ", and WebDriverManager failed (")
                .hasMessageContaining("install the browser's own chromedriver (Debian: chromium-driver")
                .hasMessageContaining("wdm.chromeDownloadUrlPattern")
                .message().doesNotContain("\n");
        assertThat(Duration.between(start, Instant.now())).as("time to fail").isLessThan(Duration.ofSeconds(10));
    }

    private static BrowserSettings settings(Mode mode, Path driver, Duration deadline) {
        return new BrowserSettings(CHROMIUM, driver, true, Optional.empty(), "unknown", mode, deadline);
    }
}
