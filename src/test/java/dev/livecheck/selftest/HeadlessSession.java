package dev.livecheck.selftest;

import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.BrowserSettings;
import dev.livecheck.browser.Browsers;
import dev.livecheck.config.Settings;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.media.Role;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** One real headless browser started the way livecheck starts them, a page loaded, and quit: proof a browser and a driver work together. */
final class HeadlessSession {
    private HeadlessSession() {
    }

    /** The page's title and the browser's user agent, e.g. "ok HeadlessChrome/156.0.0.0"; the browser and its driver are gone after. */
    static String open(BrowserSettings settings, Path work) {
        Leaks before = Leaks.now();
        MediaCatalog media = new MediaCatalog(new Settings(key -> null, Map.of()), work.resolve("media"));
        Browsers.Browser browser = Browsers.start(settings, media.of(Role.PROVIDER), BrowserOptions.defaults(), Optional.empty());
        try {
            browser.driver().get("data:text/html,<title>ok</title>");
            return browser.driver().getTitle() + " " + ((JavascriptExecutor) browser.driver()).executeScript("return navigator.userAgent");
        } finally {
            Browsers.quit(browser);
            waitUntil("the browser and its driver ended", Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(Leaks.now().minus(before).processes()).isEmpty());
        }
    }
}
