package dev.livecheck.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.devtools.v156.fetch.Fetch;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPattern;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPaused;
import org.openqa.selenium.devtools.v156.fetch.model.RequestStage;
import org.openqa.selenium.devtools.v156.network.model.ResourceType;
import org.openqa.selenium.remote.Augmenter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Chromium's traffic through DevTools' Fetch domain. One listener serves every use at once — the secret watched in
 * every test goes on while a test makes requests hang or swaps tokens — because DevTools takes one set of patterns
 * and a paused request must be answered exactly once.
 */
final class CdpTraffic implements AutoCloseable {
    private final WebDriver driver;
    private DevTools devTools;
    private boolean listening;
    /** Requests whose URL matches hang (the request stage). */
    private String stallGlob;
    private AtomicInteger stalled;
    /** Responses' bodies rewritten (the response stage). */
    private UnaryOperator<String> rewrite;
    /** Responses' bodies read, never changed. */
    private Predicate<String> reveals;
    private Consumer<String> revealing;
    /** Whether a test changed what the page got (made requests hang, rewrote bodies), not only read it. */
    private boolean changedTraffic;

    CdpTraffic(WebDriver driver) {
        this.driver = driver;
    }

    synchronized boolean changedTraffic() {
        return changedTraffic;
    }

    synchronized void stall(String urlGlob, AtomicInteger counter) {
        stallGlob = urlGlob;
        stalled = counter;
        changedTraffic = true;
        intercept();
    }

    /** Every document, fetch or XHR response's body goes through {@code rewrite} (returning it unchanged lets it pass). */
    synchronized void rewriteBodies(UnaryOperator<String> rewrite) {
        this.rewrite = rewrite;
        changedTraffic = true;
        intercept();
    }

    synchronized void watchResponses(Predicate<String> reveals, Consumer<String> revealing) {
        this.reveals = reveals;
        this.revealing = revealing;
        intercept();
    }

    /** Hanging requests let go and bodies no longer rewritten; a watch goes on. */
    synchronized void release() {
        stallGlob = null;
        rewrite = null;
        if (devTools == null) {
            return;
        }
        try {
            devTools.send(Fetch.disable()); // lets every paused request go on
            if (reveals != null) {
                intercept();
            }
        } catch (RuntimeException browserGone) {
            // nothing to release
        }
    }

    private void intercept() {
        if (devTools == null) {
            WebDriver d = driver instanceof HasDevTools ? driver : new Augmenter().augment(driver);
            devTools = ((HasDevTools) d).getDevTools();
            devTools.createSessionIfThereIsNotOne();
        }
        if (!listening) {
            devTools.addListener(Fetch.requestPaused(), this::paused);
            listening = true;
        }
        List<RequestPattern> patterns = new ArrayList<>();
        if (stallGlob != null) {
            for (ResourceType type : List.of(ResourceType.FETCH, ResourceType.XHR)) {
                patterns.add(new RequestPattern(Optional.of(stallGlob), Optional.of(type), Optional.of(RequestStage.REQUEST)));
            }
        }
        List<ResourceType> read = new ArrayList<>(List.of(ResourceType.DOCUMENT, ResourceType.FETCH, ResourceType.XHR));
        if (reveals != null) {
            read.add(ResourceType.SCRIPT);
        }
        if (rewrite != null || reveals != null) {
            read.forEach(type -> patterns.add(new RequestPattern(Optional.of("*"), Optional.of(type), Optional.of(RequestStage.RESPONSE))));
        }
        devTools.send(Fetch.enable(Optional.of(patterns), Optional.empty()));
    }

    private void paused(RequestPaused paused) {
        UnaryOperator<String> rewriting;
        Predicate<String> watching;
        Consumer<String> found;
        AtomicInteger hung;
        synchronized (this) {
            rewriting = rewrite;
            watching = reveals;
            found = revealing;
            hung = stalled;
        }
        if (paused.getResponseStatusCode().isEmpty() && paused.getResponseErrorReason().isEmpty()) {
            if (hung != null) {
                hung.incrementAndGet(); // never continued: the request hangs
            } else {
                proceed(paused);
            }
            return;
        }
        String body;
        try {
            Fetch.GetResponseBodyResponse response = devTools.send(Fetch.getResponseBody(paused.getRequestId()));
            body = response.getBase64Encoded()
                    ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
        } catch (RuntimeException noBody) {
            proceed(paused); // a redirect or an empty answer: nothing to read
            return;
        }
        if (watching != null && watching.test(body)) {
            found.accept(paused.getRequest().getUrl().replaceFirst("[?#].*$", ""));
        }
        String out = rewriting == null || paused.getResourceType() == ResourceType.SCRIPT ? body : rewriting.apply(body);
        if (out.equals(body)) {
            proceed(paused);
            return;
        }
        try {
            devTools.send(Fetch.fulfillRequest(paused.getRequestId(), paused.getResponseStatusCode().orElse(200), paused.getResponseHeaders(),
                    Optional.empty(), Optional.of(Base64.getEncoder().encodeToString(out.getBytes(StandardCharsets.UTF_8))), Optional.empty()));
        } catch (RuntimeException pageGone) {
            proceed(paused);
        }
    }

    private void proceed(RequestPaused paused) {
        try {
            devTools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        } catch (RuntimeException pageGone) {
            // nothing to continue
        }
    }

    @Override
    public synchronized void close() {
        if (devTools == null) {
            return;
        }
        try {
            devTools.send(Fetch.disable());
            devTools.clearListeners();
        } catch (RuntimeException browserGone) {
            // nothing to release
        }
        try {
            devTools.close();
        } catch (RuntimeException browserGone) {
            // nothing to close
        }
        devTools = null;
        listening = false;
    }
}
