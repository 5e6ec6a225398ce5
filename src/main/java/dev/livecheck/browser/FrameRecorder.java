package dev.livecheck.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.WebDriver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last few seconds of what a browser showed: a small JPEG of the page every interval, taken through a DevTools
 * connection of its own beside the driver's, so it never queues behind a test's commands. One capture a second, not
 * DevTools' screencast: a screencast makes headless Chromium paint every frame (measured: a passing join 21 % slower),
 * a capture paints one. Only the last {@code capacity} frames are kept.
 */
public final class FrameRecorder implements AutoCloseable {
    /** One frame: when it was taken, and the JPEG. */
    public record Frame(Instant at, byte[] jpeg) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every recorder's captures are asked for from here: one daemon thread for every browser. */
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "livecheck-frames");
        t.setDaemon(true);
        return t;
    });

    private final int capacity;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile ScheduledFuture<?> ticking;
    /** The id of the capture asked for and not answered yet (0: none), and when it was asked for. */
    private volatile int pending;
    private volatile Instant pendingSince;
    private volatile boolean closed;

    private FrameRecorder(URI page, Duration interval, int capacity) {
        this.capacity = capacity;
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2)).buildAsync(page, new Listener()).join();
        this.ticking = TICKS.scheduleWithFixedDelay(this::capture, 100, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts recording the browser's page, or says why it cannot: a browser whose DevTools endpoint is not on this
     * machine (a Grid node) cannot be recorded from here.
     */
    public static FrameRecorder start(WebDriver driver, Duration interval, int capacity) {
        String address = debuggerAddress(driver).orElseThrow(() -> new IllegalStateException(
                "the browser names no DevTools address (goog:chromeOptions.debuggerAddress): a remote browser"));
        String handle = driver.getWindowHandle(); // chromedriver's window handle is the page's DevTools target id
        try {
            HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/list"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(list.body())) {
                if (handle.equals(target.path("id").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                    return new FrameRecorder(URI.create(target.get("webSocketDebuggerUrl").asText()), interval, capacity);
                }
            }
            throw new IllegalStateException("DevTools at " + address + " lists no page " + handle);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("DevTools at " + address + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking DevTools for the page", e);
        }
    }

    private static Optional<String> debuggerAddress(WebDriver driver) {
        if (!(driver instanceof HasCapabilities c) || !(c.getCapabilities().getCapability("goog:chromeOptions") instanceof Map<?, ?> options)) {
            return Optional.empty();
        }
        Object address = options.get("debuggerAddress");
        return address == null ? Optional.empty() : Optional.of(address.toString());
    }

    /** The frames kept, oldest first. */
    public synchronized List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Frames taken and their bytes so far: what recording cost. */
    public String cost() {
        return taken.get() + " frames, " + bytes.get() / 1024 + " KiB";
    }

    /** Asks for the next frame, unless the last one is still being taken (a busy page is not asked twice). */
    private void capture() {
        if (closed || pending != 0 && Duration.between(pendingSince, Instant.now()).toSeconds() < 10) {
            return;
        }
        int id = ids.incrementAndGet();
        pendingSince = Instant.now();
        pending = id;
        send(id, "Page.captureScreenshot", Map.of("format", "jpeg", "quality", 50, "optimizeForSpeed", true));
    }

    private void send(int id, String method, Map<String, Object> params) {
        try {
            String message = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
            synchronized (socket) {
                socket.sendText(message, true).join();
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // the browser went away: what was recorded stays
            stopTicking();
        }
    }

    private void onMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (java.io.IOException e) {
            return;
        }
        if (message.path("id").asInt() != pending) {
            return;
        }
        Instant at = pendingSince;
        pending = 0;
        String data = message.path("result").path("data").asText("");
        if (!data.isEmpty()) {
            byte[] jpeg = Base64.getDecoder().decode(data);
            taken.incrementAndGet();
            bytes.addAndGet(jpeg.length);
            keep(new Frame(at, jpeg));
        }
    }

    private synchronized void keep(Frame frame) {
        frames.addLast(frame);
        while (frames.size() > capacity) {
            frames.removeFirst();
        }
    }

    @Override
    public void close() {
        closed = true;
        stopTicking();
        // no closing handshake to wait for: Chromium ends the DevTools session when the connection goes
        socket.abort();
    }

    private void stopTicking() {
        ScheduledFuture<?> t = ticking;
        if (t != null) {
            t.cancel(false);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                onMessage(whole);
            }
            webSocket.request(1);
            return null;
        }
    }
}
