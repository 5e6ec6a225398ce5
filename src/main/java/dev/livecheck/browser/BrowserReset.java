package dev.livecheck.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogType;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes a used browser back to a fresh profile's state for the next test: one tab on {@code about:blank} (the last
 * page's calls, media and timers end with it), no cookies and no HTTP cache, no storage of any kind (local, session,
 * IndexedDB, Cache Storage, service workers) for the sites it was on, permissions as at start, the console emptied.
 * What Chromium keeps per profile and no DevTools call clears (site and media engagement scores) stays: the
 * pages livecheck drives capture the camera, which lets them autoplay anyway.
 */
final class BrowserReset {
    private BrowserReset() {
    }

    /** True when the browser is back to a clean state; false when it could not be (then it must be quit). */
    static boolean reset(WebDriver driver, Collection<String> knownOrigins) {
        try {
            Set<String> origins = new TreeSet<>();
            knownOrigins.forEach(o -> originOf(o).ifPresent(origins::add));
            List<String> tabs = new ArrayList<>(driver.getWindowHandles());
            for (String tab : tabs) {
                driver.switchTo().window(tab);
                originOf(driver.getCurrentUrl()).ifPresent(origins::add);
            }
            for (String tab : tabs.subList(1, tabs.size())) {
                driver.switchTo().window(tab);
                driver.close();
            }
            driver.switchTo().window(tabs.get(0));
            driver.get("about:blank");
            HasCdp cdp = (HasCdp) driver;
            cdp.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            cdp.executeCdpCommand("Network.clearBrowserCache", Map.of());
            for (String origin : origins) {
                cdp.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            cdp.executeCdpCommand("Browser.resetPermissions", Map.of());
            driver.manage().logs().get(LogType.BROWSER);
            return driver.getWindowHandles().size() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static java.util.Optional<String> originOf(String url) {
        try {
            URI uri = URI.create(url.replaceFirst("^ws", "http"));
            if (uri.getHost() == null || uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
