package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.net.NetworkPath;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.Augmenter;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

/**
 * Starts Chromium with fake camera and microphone, offline-safe, with livecheck's probe installed; or Firefox
 * ({@link FirefoxBrowsers}) for a participant {@code livecheck.browsers} gives it to.
 */
public final class Browsers {
    private static final String PROBE = Classpath.text("/livecheck/probe.js");
    private static final String SYNTHETIC = Classpath.text("/livecheck/synthetic.js");

    private Browsers() {
    }

    /** A started browser, the profile directory it owns, its network path when it has one, and the Grid node it runs on. */
    public record Browser(WebDriver driver, Path profile, Optional<NetworkPath> network, Optional<String> gridNode) {
        public Browser(WebDriver driver, Path profile, Optional<NetworkPath> network) {
            this(driver, profile, network, Optional.empty());
        }
    }

    /**
     * Starts the participant's browser; with a network path, all its traffic goes through the path (its proxy, and its media
     * relays by way of netpath.js). The path is the browser's from then on: closed with it, or here if it fails.
     */
    public static Browser start(BrowserSettings settings, FakeMedia media, BrowserOptions options, Optional<NetworkPath> network) {
        if (settings.choice().of(media.name()) == BrowserChoice.Kind.FIREFOX) {
            return FirefoxBrowsers.start(settings, media, options, network, PROBE, SYNTHETIC);
        }
        try {
            return startBrowser(settings, media, options, network);
        } catch (RuntimeException e) {
            network.ifPresent(NetworkPath::close);
            throw e;
        }
    }

    private static Browser startBrowser(BrowserSettings settings, FakeMedia media, BrowserOptions options, Optional<NetworkPath> network) {
        Path profile;
        try {
            profile = Files.createTempDirectory("livecheck-chromium-");
        } catch (IOException e) {
            throw new LivecheckException("cannot create a browser profile directory: " + e.getMessage(), e);
        }
        ChromeOptions chrome = chromeOptions(settings, media, options, profile, network.map(NetworkPath::chromiumArguments).orElse(List.of()));
        WebDriver driver;
        try {
            driver = settings.gridUrl().isPresent()
                    ? new Augmenter().augment(new RemoteWebDriver(settings.gridUrl().get().toURL(), chrome))
                    : new ChromeDriver(localService(settings), chrome);
        } catch (MalformedURLException e) {
            Profiles.delete(profile);
            throw new LivecheckException("livecheck.grid.url is not a URL: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Profiles.delete(profile);
            throw new LivecheckException("Chromium did not start (" + settings.chromium() + "): " + firstLine(e.getMessage()), e);
        }
        try {
            ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            if (network.isPresent()) {
                ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", network.get().injectedScript()));
            }
            // on a Grid the fake media files are not on the node: the synthetic camera and microphone travel in the script
            if (options.synthetic() || settings.gridUrl().isPresent()) {
                ((HasCdp) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", String.format(
                        "window.__livecheckSynthetic = {colour: [%d, %d, %d], toneHz: %d, beepHz: %d};%n", media.colour().r(), media.colour().g(),
                        media.colour().b(), media.toneHz(), media.beepHz()) + SYNTHETIC));
            }
            denyDevices(driver, options.denied());
        } catch (RuntimeException e) {
            driver.quit();
            Profiles.delete(profile);
            throw new LivecheckException("could not install livecheck's probe in Chromium (CDP): " + firstLine(e.getMessage()), e);
        }
        return new Browser(driver, profile, network, settings.gridUrl().map(grid -> nodeOf(grid, driver)));
    }

    /**
     * One device denied and the other allowed, as a user who blocked only the camera: Chromium's fake-UI switch
     * can only allow or deny both, so that switch is left out and DevTools sets each permission, for every origin.
     */
    /** Quits the browser, closes its network path and deletes its profile; a browser already gone is fine. */
    public static void quit(Browser browser) {
        try {
            browser.driver().quit();
        } catch (RuntimeException alreadyGone) {
            // the test closed it itself
        }
        browser.network().ifPresent(NetworkPath::close);
        Profiles.delete(browser.profile());
    }

    private static void denyDevices(WebDriver driver, BrowserOptions.Denied denied) {
        if (denied != BrowserOptions.Denied.CAMERA && denied != BrowserOptions.Denied.MICROPHONE) {
            return;
        }
        for (String device : List.of("camera", "microphone")) {
            boolean deny = device.equals(denied == BrowserOptions.Denied.CAMERA ? "camera" : "microphone");
            ((HasCdp) driver).executeCdpCommand("Browser.setPermission",
                    Map.of("permission", Map.of("name", device), "setting", deny ? "denied" : "granted"));
        }
    }

    static ChromeOptions chromeOptions(BrowserSettings settings, FakeMedia media, BrowserOptions options, Path profile, List<String> networkArgs) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(settings.chromium().toFile()); // on a Grid: Chromium's path on the node
        List<String> args = new ArrayList<>(List.of(
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                // no --autoplay-policy switch: the browser's real autoplay policy; a page that must ask for a click
                // before it plays audio is clicked by the audio check, which says so (MediaFlow)
                "--window-size=1280,900",
                // WebRTC stays on loopback: LiveKit advertises 127.0.0.1 and Chromium needs loopback candidates too
                "--allow-loopback-in-peer-connection",
                "--use-fake-device-for-media-stream",
                "--host-resolver-rules=" + hostRules(options)));
        if (settings.gridUrl().isEmpty()) {
            args.add("--use-file-for-fake-video-capture=" + media.video());
            args.add("--use-file-for-fake-audio-capture=" + media.audio());
        }
        // the plain flag grants every request; "=deny" is the one way that yields NotAllowedError headless for both;
        // one device alone is denied through DevTools (denyDevices), without the flag
        switch (options.denied()) {
            case NOTHING -> args.add("--use-fake-ui-for-media-stream");
            case BOTH -> args.add("--use-fake-ui-for-media-stream=deny");
            default -> { }
        }
        args.addAll(networkArgs);
        if (settings.headless()) {
            args.add("--headless=new");
        }
        if (settings.gridUrl().isEmpty()) {
            args.add("--user-data-dir=" + profile);
        }
        chrome.addArguments(args);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        chrome.setCapability("goog:loggingPrefs", logs);
        return chrome;
    }

    /** No lookups leave the machine (Chromium asks for Google hosts otherwise); a test's own rules come first. */
    static String hostRules(BrowserOptions options) {
        StringBuilder rules = new StringBuilder();
        for (String rule : options.hostRules()) {
            rules.append(rule).append(" , ");
        }
        java.net.InetAddress advertised = dev.livecheck.net.AdvertisedHost.current();
        if (advertised.isLoopbackAddress()) {
            return rules.append("MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1").toString();
        }
        // a Grid node's browser: localhost is this machine (the app's URL stays a secure context, as getUserMedia needs;
        // an EXCLUDE of localhost would undo that), and this machine's address is let through (MAP * maps IP literals too)
        String here = dev.livecheck.net.AdvertisedHost.literal(advertised);
        return rules.append("MAP localhost ").append(here).append(" , MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE ").append(here).toString();
    }

    private static ChromeDriverService localService(BrowserSettings settings) {
        return new ChromeDriverService.Builder()
                .usingDriverExecutable(DriverSource.executable(settings).toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
    }

    /** The Grid node a session runs on, as the Grid's status names it (where a test's browser ran, for its evidence). */
    private static String nodeOf(java.net.URI grid, WebDriver driver) {
        try {
            String session = ((RemoteWebDriver) driver).getSessionId().toString();
            return dev.livecheck.grid.GridStatus.read(grid).nodeOf(session).map(dev.livecheck.grid.GridStatus.Node::uri)
                    .orElse("a node the Grid's status did not name");
        } catch (RuntimeException e) {
            return "a node not known (" + firstLine(e.getMessage()) + ")";
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
