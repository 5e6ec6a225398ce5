package dev.livecheck.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-browser choices a test makes: deny camera/microphone, send extra hosts to a black hole.
 *
 * @param denyMedia        camera and microphone requests fail with NotAllowedError
 * @param hostRules        extra Chromium host-resolver rules, e.g. a host sent to a black-hole port
 */
public record BrowserOptions(boolean denyMedia, List<String> hostRules) {
    public static BrowserOptions defaults() {
        return new BrowserOptions(false, List.of());
    }

    public BrowserOptions denyingMedia() {
        return new BrowserOptions(true, hostRules);
    }

    /** Sends {@code host} to a loopback port, e.g. a {@link dev.livecheck.net.FaultProxy} black hole. */
    public BrowserOptions mappingHost(String host, int loopbackPort) {
        List<String> rules = new ArrayList<>(hostRules);
        rules.add("MAP " + host + " 127.0.0.1:" + loopbackPort);
        return new BrowserOptions(denyMedia, List.copyOf(rules));
    }
}
