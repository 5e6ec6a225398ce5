package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.net.NetworkPath;
import org.openqa.selenium.bidi.module.Script;
import org.openqa.selenium.firefox.FirefoxDriver;
import org.openqa.selenium.firefox.FirefoxOptions;
import org.openqa.selenium.firefox.GeckoDriverService;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts Firefox the way {@link Browsers} starts Chromium: headless, with a profile of its own, livecheck's probe
 * installed before any page script. Firefox's own fake devices can't carry a role's colour and tone, so its camera
 * and microphone are always livecheck's synthetic ones (synthetic.js: the role's colour with a timestamp barcode, the
 * role's tone with a beep on every second), put in place of the fake devices' tracks inside the page's real
 * getUserMedia — a denied device is still denied. Scripts go in through WebDriver BiDi's preload scripts.
 * <p>
 * A network path of its own goes through Firefox's proxy preferences and the same in-page relay script as Chromium's.
 * Not yet on Firefox: host names mapped in the browser without a network path, a Grid, and what Chromium does
 * through DevTools (rewriting or stalling traffic, the page's frame recording, reuse after a reset). A test that
 * needs one is not run — reported as not run on Firefox, never as passed and never as the app's failure.
 */
final class FirefoxBrowsers {
    private FirefoxBrowsers() {
    }

    static Browsers.Browser start(BrowserSettings settings, FakeMedia media, BrowserOptions options, Optional<NetworkPath> network,
                                  String probe, String synthetic) {
        if (!options.hostRules().isEmpty() && network.isEmpty()) {
            throw notYet("host names mapped inside the browser without a network path " + options.hostRules());
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("livecheck-firefox-");
        } catch (IOException e) {
            throw new LivecheckException("cannot create a browser profile directory: " + e.getMessage(), e);
        }
        FirefoxDriver driver;
        try {
            GeckoDriverService service = new GeckoDriverService.Builder().usingDriverExecutable(settings.firefox().geckodriver().toFile())
                    .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).withProfileRoot(profile.toFile())
                    .withEnvironment(java.util.Map.of("PULSE_SERVER", FirefoxAudio.server())).build();
            FirefoxOptions firefox = options(settings, options);
            network.ifPresent(path -> path.firefoxPreferences().forEach(firefox::addPreference));
            driver = new FirefoxDriver(service, firefox);
        } catch (RuntimeException e) {
            Profiles.delete(profile);
            network.ifPresent(NetworkPath::close);
            throw new LivecheckException("Firefox did not start (" + settings.firefox().binary() + ", " + settings.firefox().geckodriver() + "): "
                    + firstLine(e.getMessage()), e);
        }
        try (Script script = new Script(driver)) {
            script.addPreloadScript("() => {\n" + probe + "\n}");
            if (network.isPresent()) {
                script.addPreloadScript("() => {\n" + network.get().injectedScript() + "\n}");
            }
            script.addPreloadScript(String.format("() => {%nwindow.__livecheckSynthetic = {colour: [%d, %d, %d], toneHz: %d, beepHz: %d, screen: true};%n%s%n}",
                    media.colour().r(), media.colour().g(), media.colour().b(), media.toneHz(), media.beepHz(), synthetic));
        } catch (RuntimeException e) {
            driver.quit();
            Profiles.delete(profile);
            network.ifPresent(NetworkPath::close);
            throw new LivecheckException("could not install livecheck's probe in Firefox (WebDriver BiDi): " + firstLine(e.getMessage()), e);
        }
        return new Browsers.Browser(driver, profile, network);
    }

    static FirefoxOptions options(BrowserSettings settings, BrowserOptions options) {
        FirefoxOptions firefox = new FirefoxOptions();
        firefox.setBinary(settings.firefox().binary());
        firefox.enableBiDi();
        if (settings.headless()) {
            firefox.addArguments("-headless");
        }
        firefox.addArguments("-width=1280", "-height=900");
        // fake devices behind the real getUserMedia (synthetic.js swaps their tracks for the role's colour and tone)
        firefox.addPreference("media.navigator.streams.fake", true);
        // livecheck's own instruments (the synthetic microphone, the listening probe) are Web Audio, which Firefox would
        // hold silent on a page the user has not clicked since it loaded (the session page, after a navigation); the
        // app's own <audio> and <video> keep Firefox's real autoplay policy
        firefox.addPreference("media.autoplay.block-webaudio", false);
        // WebRTC stays on loopback: LiveKit advertises 127.0.0.1, which Firefox leaves out of ICE by default
        firefox.addPreference("media.peerconnection.ice.loopback", true);
        // a page without camera or microphone permission gets its host candidates hidden behind mDNS names, which a
        // LiveKit on loopback (no STUN here, so no other candidate) can't reach; a user's browser has STUN's
        firefox.addPreference("media.peerconnection.ice.obfuscate_host_addresses", false);
        // nothing leaves the machine: no update, telemetry or safe-browsing lookups
        firefox.addPreference("app.update.enabled", false);
        firefox.addPreference("datareporting.policy.dataSubmissionEnabled", false);
        firefox.addPreference("toolkit.telemetry.enabled", false);
        firefox.addPreference("browser.safebrowsing.malware.enabled", false);
        firefox.addPreference("browser.safebrowsing.phishing.enabled", false);
        firefox.addPreference("network.captive-portal-service.enabled", false);
        firefox.addPreference("network.connectivity-service.enabled", false);
        // a user who allowed or blocked each device: 1 allow, 2 block (no prompt either way, as Chromium's fake UI)
        boolean cameraDenied = options.denied() == BrowserOptions.Denied.CAMERA || options.denied() == BrowserOptions.Denied.BOTH;
        boolean microphoneDenied = options.denied() == BrowserOptions.Denied.MICROPHONE || options.denied() == BrowserOptions.Denied.BOTH;
        if (options.denied() == BrowserOptions.Denied.NOTHING) {
            firefox.addPreference("media.navigator.permission.disabled", true);
        }
        firefox.addPreference("permissions.default.camera", cameraDenied ? 2 : 1);
        firefox.addPreference("permissions.default.microphone", microphoneDenied ? 2 : 1);
        return firefox;
    }

    private static TestAbortedException notYet(String what) {
        return new TestAbortedException("not run on Firefox: livecheck does not yet give Firefox " + what
                + "; this test runs on Chromium (livecheck.browsers=chromium)");
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
