package dev.livecheck.browser;

import dev.livecheck.media.Rgb;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the in-page probe: WebRTC stats, video pixels, audio tones. */
public final class MediaProbe {
    private final JavascriptExecutor js;

    MediaProbe(WebDriver driver) {
        this.js = (JavascriptExecutor) driver;
    }

    /** Totals over the page's live peer connections; {@code roundTripMs} is the slowest connection's current ICE round trip. */
    public record Stats(long peerConnections, long connected, long inboundVideo, long framesDecoded, long videoBytesReceived,
                        long inboundAudio, long audioBytesReceived, long outboundVideoBytes, long outboundAudioBytes, long framesSent,
                        long roundTripMs) {
        static Stats of(Map<?, ?> m) {
            return new Stats(n(m, "peerConnections"), n(m, "connected"), n(m, "inboundVideo"), n(m, "framesDecoded"),
                    n(m, "videoBytesReceived"), n(m, "inboundAudio"), n(m, "audioBytesReceived"), n(m, "outboundVideoBytes"),
                    n(m, "outboundAudioBytes"), n(m, "framesSent"), n(m, "roundTripMs"));
        }

        public static Stats none() {
            return new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    /** A video element's current picture: average colour, a fingerprint that changes when it moves, and how the page shows it. */
    public record Frame(Rgb colour, long fingerprint, long width, long height, OnScreen screen) {
    }

    /**
     * How a person would see an element: its size on the page, why it is not shown at all (display:none, hidden,
     * transparent, no size, outside the window; null when shown) and what paints over its centre (null when nothing).
     */
    public record OnScreen(long width, long height, String hidden, String coveredBy) {
        static OnScreen of(Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                return new OnScreen(0, 0, "not measured", null);
            }
            return new OnScreen(n(m, "w"), n(m, "h"), text(m, "hidden"), text(m, "coveredBy"));
        }

        /** Shown, uncovered at its centre, and at least this big on the page. */
        public boolean visibleAtLeast(long minWidth, long minHeight) {
            return hidden == null && coveredBy == null && width >= minWidth && height >= minHeight;
        }

        @Override
        public String toString() {
            return hidden != null ? "not shown (" + hidden + ")"
                    : width + "x" + height + " on the page" + (coveredBy == null ? "" : ", covered at its centre by " + coveredBy);
        }

        private static String text(Map<?, ?> m, String key) {
            Object v = m.get(key);
            return v == null ? null : String.valueOf(v);
        }
    }

    /**
     * What an audio element gives the listener: its loudest frequency and level, the spectrum's median level (the floor
     * that loudest frequency must stand above to be a tone, not silence or noise), and whether it plays audibly at all.
     */
    public record Tone(long hz, long db, long floorDb, boolean audible, boolean paused, boolean muted) {
        /** How far the loudest frequency stands above the rest of the spectrum. */
        public long aboveFloorDb() {
            return db - floorDb;
        }

        @Override
        public String toString() {
            return hz + " Hz (" + db + " dB, " + aboveFloorDb() + " dB above the spectrum's median)"
                    + (audible ? "" : paused ? ", paused" : muted ? ", muted" : ", silent volume");
        }
    }

    public Stats stats() {
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "if (!window.__livecheck) { done(null); return; }"
                        + "window.__livecheck.stats().then(done, () => done(null));");
        return result instanceof Map<?, ?> m ? Stats.of(m) : Stats.none();
    }

    /** Frames decoded for the video track this element plays; -1 when it plays none. */
    public long trackFramesDecoded(WebElement video) {
        Object result = js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "if (!window.__livecheck) { done(null); return; }"
                        + "window.__livecheck.trackFrames(arguments[0]).then(done, () => done(null));", video);
        return result instanceof Number n ? n.longValue() : -1;
    }

    /** The picture this video element shows now; empty when it shows none. */
    public Optional<Frame> frame(WebElement video) {
        Object result = js.executeScript("return window.__livecheck ? window.__livecheck.frame(arguments[0]) : null;", video);
        if (!(result instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        return Optional.of(new Frame(new Rgb((int) n(m, "r"), (int) n(m, "g"), (int) n(m, "b")), n(m, "hash"), n(m, "width"), n(m, "height"),
                OnScreen.of(m.get("screen"))));
    }

    /** The dominant frequency of what this audio (or video) element plays; empty when it plays no audio. */
    public Optional<Tone> tone(WebElement element) {
        Object result = js.executeScript("return window.__livecheck ? window.__livecheck.tone(arguments[0]) : null;", element);
        return result instanceof Map<?, ?> m ? Optional.of(new Tone(n(m, "hz"), n(m, "db"), n(m, "floor"), Boolean.TRUE.equals(m.get("audible")),
                Boolean.TRUE.equals(m.get("paused")), Boolean.TRUE.equals(m.get("muted")))) : Optional.empty();
    }

    /** The LiveKit tokens the page handed LiveKit (its signalling WebSocket's access_token), oldest first. Never log them. */
    public List<String> tokens() {
        Object result = js.executeScript("return window.__livecheck ? window.__livecheck.tokens.map(t => t.token) : [];");
        return result instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** What a remote video and audio element rendered over a window (raw samples; {@code check.Quality} reads them). */
    public record Rendered(List<Map<String, Object>> video, List<Long> frames, List<Map<String, Object>> audio, long started) {
    }

    /** Measures, for {@code window}, what these elements render of a sender with livecheck's timestamped media. */
    @SuppressWarnings("unchecked")
    public Rendered measure(WebElement video, WebElement audio, int beepHz, java.time.Duration window) {
        org.openqa.selenium.WebDriver.Timeouts timeouts = ((org.openqa.selenium.WebDriver) js).manage().timeouts();
        java.time.Duration before = timeouts.getScriptTimeout();
        timeouts.scriptTimeout(window.plusSeconds(20));
        try {
            Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "window.__livecheck.measure(arguments[0], arguments[1], arguments[2], arguments[3]).then(done, e => done({error: String(e)}));",
                    video, audio, beepHz, window.toMillis());
            Map<String, Object> m = (Map<String, Object>) result;
            return new Rendered((List<Map<String, Object>>) m.getOrDefault("video", List.of()),
                    ((List<Object>) m.getOrDefault("frames", List.of())).stream().map(o -> ((Number) o).longValue()).toList(),
                    (List<Map<String, Object>>) m.getOrDefault("audio", List.of()), ((Number) m.getOrDefault("started", 0L)).longValue());
        } finally {
            timeouts.scriptTimeout(before);
        }
    }

    /**
     * What the page last asked of livecheck's synthetic camera (getUserMedia's video constraints) and what the camera gave,
     * in a line; "nothing" when it asked for no camera, "(no synthetic camera)" on a page without one.
     */
    public String cameraAsked() {
        try {
            Object result = js.executeScript("const s = window.__livecheckSynthetic; if (!s || !s.asked) return null;"
                    + "const a = s.asked.filter(x => x.video).pop(); return a ? JSON.stringify(a.video) + ' → ' + a.got.width + 'x' + a.got.height"
                    + " + ' at ' + a.got.frameRate + ' fps' : 'nothing';");
            return result == null ? "(no synthetic camera)" : String.valueOf(result);
        } catch (org.openqa.selenium.WebDriverException gone) {
            return "(page gone)";
        }
    }

    /** LiveKit's view of everyone's connection quality, as its server sent it to this page: sid, quality, score, time. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> connectionQualities() {
        Object result = js.executeScript("return window.__livecheck ? window.__livecheck.qualities : [];");
        return result instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The page's call once a second since it loaded (the probe's own sampling, the last few minutes); empty when it had none. */
    public List<CallSample> callSamples() {
        try {
            Object result = js.executeScript("return window.__livecheck ? window.__livecheck.samples : [];");
            return result instanceof List<?> list ? list.stream().filter(Map.class::isInstance).map(o -> CallSample.of((Map<?, ?>) o)).toList() : List.of();
        } catch (org.openqa.selenium.WebDriverException gone) {
            return List.of();
        }
    }

    /** Sends LiveKit, on the page's own signalling connection, a request to change this participant's metadata and attributes. */
    public boolean sendMetadataUpdate(String metadata, Map<String, String> attributes) {
        Object sent = js.executeScript("return window.__livecheck ? window.__livecheck.sendMetadataUpdate(arguments[0], arguments[1]) : false;",
                metadata, attributes);
        return Boolean.TRUE.equals(sent);
    }

    /** The signalling URLs (origin and path, no token) the page opened to LiveKit, oldest first. */
    public List<String> signallingUrls() {
        Object result = js.executeScript("return window.__livecheck ? window.__livecheck.tokens.map(t => t.url) : [];");
        return result instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static long n(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v instanceof Number number ? number.longValue() : 0;
    }
}
