package dev.livecheck.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.bidi.BiDi;
import org.openqa.selenium.bidi.Command;
import org.openqa.selenium.bidi.HasBiDi;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.AddInterceptParameters;
import org.openqa.selenium.bidi.network.BeforeRequestSent;
import org.openqa.selenium.bidi.network.ContinueRequestParameters;
import org.openqa.selenium.bidi.network.InterceptPhase;
import org.openqa.selenium.bidi.network.ResponseDetails;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Firefox page's traffic through WebDriver BiDi — what {@link Traffic} does through DevTools in Chromium: every
 * response read as it completes (the browser keeps each body for livecheck in a data collector), and requests made
 * to hang. Commands go out on a thread of their own, never on BiDi's event thread.
 */
final class BiDiTraffic implements AutoCloseable {
    /** A fetch or XHR has no destination; documents and scripts name theirs. */
    private static final Set<String> READ = Set.of("", "document", "script");
    private final WebDriver driver;
    private final BiDi bidi;
    private final ExecutorService commands = BiDiCommands.thread("livecheck-bidi-traffic");
    private Network responses;
    private Network stalling;
    private String intercept;
    private final List<String> held = new CopyOnWriteArrayList<>();
    /** The browser keeps response bodies for livecheck while this collector is registered (a reused browser must not go on). */
    private String collector;

    BiDiTraffic(WebDriver driver) {
        this.driver = driver;
        this.bidi = ((HasBiDi) driver).getBiDi();
    }

    /** From now on, the URL (without query) of every response whose body {@code reveals} goes to {@code revealing}. */
    synchronized void watchResponses(Predicate<String> reveals, Consumer<String> revealing) {
        if (responses != null) {
            return;
        }
        Map<?, ?> added = bidi.send(new Command<>("network.addDataCollector", Map.of("dataTypes", List.of("response"), "maxEncodedDataSize", 20_000_000),
                Map.class));
        collector = String.valueOf(added.get("collector"));
        responses = new Network(driver);
        responses.onResponseCompleted(details -> {
            if (READ.contains(String.valueOf(details.getRequest().getDestination()))) {
                commands.submit(() -> read(details, reveals, revealing));
            }
        });
    }

    private void read(ResponseDetails details, Predicate<String> reveals, Consumer<String> revealing) {
        try {
            Map<?, ?> data = bidi.send(new Command<>("network.getData", Map.of("dataType", "response", "request", details.getRequest().getRequestId()),
                    Map.class));
            Map<?, ?> bytes = (Map<?, ?>) data.get("bytes");
            String value = String.valueOf(bytes.get("value"));
            String body = "base64".equals(bytes.get("type")) ? new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8) : value;
            if (reveals.test(body)) {
                revealing.accept(details.getRequest().getUrl().replaceFirst("[?#].*$", ""));
            }
        } catch (RuntimeException noBody) {
            // a redirect, an empty answer, or a page gone: nothing to read
        }
    }

    /** From now on, the page's fetches and XHRs whose URL matches the glob hang without an answer, until {@link #release()}. */
    synchronized void stall(String urlGlob, AtomicInteger stalled) {
        release();
        Pattern matches = glob(urlGlob);
        stalling = new Network(driver);
        stalling.onBeforeRequestSent((BeforeRequestSent request) -> {
            if (!request.isBlocked()) {
                return;
            }
            String id = request.getRequest().getRequestId();
            if (matches.matcher(request.getRequest().getUrl()).matches() && "".equals(String.valueOf(request.getRequest().getDestination()))) {
                stalled.incrementAndGet();
                held.add(id); // never continued: the request hangs
            } else {
                commands.submit(() -> go(id));
            }
        });
        intercept = stalling.addIntercept(new AddInterceptParameters(InterceptPhase.BEFORE_REQUEST_SENT));
    }

    private void go(String id) {
        try {
            stalling.continueRequest(new ContinueRequestParameters(id));
        } catch (RuntimeException pageGone) {
            // nothing to continue
        }
    }

    /** Interception off; requests held so far go on. */
    synchronized void release() {
        if (stalling == null) {
            return;
        }
        try {
            stalling.removeIntercept(intercept);
            held.forEach(this::go);
            stalling.close();
        } catch (RuntimeException browserGone) {
            // nothing to release
        }
        held.clear();
        stalling = null;
    }

    /** A URL glob as Chromium's interception takes it: {@code *} is any run of characters. */
    static Pattern glob(String glob) {
        return Pattern.compile(java.util.Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*")));
    }

    @Override
    public synchronized void close() {
        release();
        commands.shutdownNow();
        if (responses != null) {
            try {
                responses.close();
                bidi.send(new Command<>("network.removeDataCollector", Map.of("collector", collector), Map.class));
            } catch (RuntimeException browserGone) {
                // nothing to stop
            }
            responses = null;
        }
    }
}
