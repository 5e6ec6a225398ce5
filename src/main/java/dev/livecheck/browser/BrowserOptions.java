package dev.livecheck.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-browser choices a test makes: which of camera and microphone to deny, a network path of its own (to
 * cut, stall and impair), and host names the browser resolves livecheck's way.
 *
 * @param denied      devices whose requests fail with NotAllowedError
 * @param networkPath the browser reaches the app and LiveKit through a {@link dev.livecheck.net.NetworkPath}
 * @param synthetic   its camera and microphone carry a clock, for latency, frame rate and A/V sync (synthetic.js)
 * @param hostRules   extra Chromium host-resolver rules, e.g. a LiveKit host name that exists only in the test
 */
public record BrowserOptions(Denied denied, boolean networkPath, boolean synthetic, List<String> hostRules) {
    /** What the browser refuses, as a user who clicked "Block" would. */
    public enum Denied { NOTHING, CAMERA, MICROPHONE, BOTH }

    public static BrowserOptions defaults() {
        return new BrowserOptions(Denied.NOTHING, false, false, List.of());
    }

    public BrowserOptions denying(Denied what) {
        return new BrowserOptions(what, networkPath, synthetic, hostRules);
    }

    public BrowserOptions withNetworkPath() {
        return new BrowserOptions(denied, true, synthetic, hostRules);
    }

    /** The page's camera and microphone carry a clock (a barcode of the capture time, beeps on whole seconds). */
    public BrowserOptions withTimestampedMedia() {
        return new BrowserOptions(denied, networkPath, true, hostRules);
    }

    /** Resolves {@code host} to {@code address} in the browser (and in its network path). */
    public BrowserOptions mappingHost(String host, String address) {
        List<String> rules = new ArrayList<>(hostRules);
        rules.add("MAP " + host + " " + address);
        return new BrowserOptions(denied, networkPath, synthetic, List.copyOf(rules));
    }
}
