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
 * <p>
 * Two locks, never one inside the DevTools call: this object's monitor guards the fields, held only to read or write
 * them; {@code talking} orders the calls to DevTools. DevTools' connection thread holds its own listener lock while it
 * calls {@link #paused}, which takes the monitor — so a caller holding the monitor while it talks to DevTools (clearing
 * its listeners, or waiting for an answer that thread must deliver) waited for ever: measured, a self-test that closed
 * a browser while a response was paused hung for 21 minutes.
 */
final class CdpTraffic implements AutoCloseable {
    private final WebDriver driver;
    private final java.util.concurrent.locks.ReentrantLock talking = new java.util.concurrent.locks.ReentrantLock();
    private volatile DevTools devTools;
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

    void stall(String urlGlob, AtomicInteger counter) {
        synchronized (this) {
            stallGlob = urlGlob;
            stalled = counter;
            changedTraffic = true;
        }
        intercept();
    }

    /** Every document, fetch or XHR response's body goes through {@code rewrite} (returning it unchanged lets it pass). */
    void rewriteBodies(UnaryOperator<String> rewrite) {
        synchronized (this) {
            this.rewrite = rewrite;
            changedTraffic = true;
        }
        intercept();
    }

    void watchResponses(Predicate<String> reveals, Consumer<String> revealing) {
        synchronized (this) {
            this.reveals = reveals;
            this.revealing = revealing;
        }
        intercept();
    }

    /** Hanging requests let go and bodies no longer rewritten; a watch goes on. */
    void release() {
        boolean watching;
        synchronized (this) {
            stallGlob = null;
            rewrite = null;
            watching = reveals != null;
        }
        talking.lock();
        try {
            DevTools tools = devTools;
            if (tools == null) {
                return;
            }
            tools.send(Fetch.disable()); // lets every paused request go on
            if (watching) {
                intercept();
            }
        } catch (RuntimeException browserGone) {
            // nothing to release
        } finally {
            talking.unlock();
        }
    }

    private void intercept() {
        talking.lock();
        try {
            if (devTools == null) {
                WebDriver d = driver instanceof HasDevTools ? driver : new Augmenter().augment(driver);
                DevTools tools = ((HasDevTools) d).getDevTools();
                tools.createSessionIfThereIsNotOne();
                devTools = tools;
            }
            if (!listening) {
                devTools.addListener(Fetch.requestPaused(), this::paused);
                listening = true;
            }
            devTools.send(Fetch.enable(Optional.of(patterns()), Optional.empty()));
        } finally {
            talking.unlock();
        }
    }

    private synchronized List<RequestPattern> patterns() {
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
        return patterns;
    }

    /** On DevTools' connection thread, which holds its listener lock: takes the monitor only to read the fields. */
    private void paused(RequestPaused paused) {
        UnaryOperator<String> rewriting;
        Predicate<String> watching;
        Consumer<String> found;
        AtomicInteger hung;
        DevTools devTools = this.devTools;
        synchronized (this) {
            rewriting = rewrite;
            watching = reveals;
            found = revealing;
            hung = stalled;
        }
        if (devTools == null) {
            return; // closed meanwhile: the browser is going
        }
        if (paused.getResponseStatusCode().isEmpty() && paused.getResponseErrorReason().isEmpty()) {
            if (hung != null) {
                hung.incrementAndGet(); // never continued: the request hangs
            } else {
                proceed(devTools, paused);
            }
            return;
        }
        String body;
        try {
            Fetch.GetResponseBodyResponse response = devTools.send(Fetch.getResponseBody(paused.getRequestId()));
            body = response.getBase64Encoded()
                    ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
        } catch (RuntimeException noBody) {
            proceed(devTools, paused); // a redirect or an empty answer: nothing to read
            return;
        }
        if (watching != null && watching.test(body)) {
            found.accept(paused.getRequest().getUrl().replaceFirst("[?#].*$", ""));
        }
        String out = rewriting == null || paused.getResourceType() == ResourceType.SCRIPT ? body : rewriting.apply(body);
        if (out.equals(body)) {
            proceed(devTools, paused);
            return;
        }
        try {
            devTools.send(Fetch.fulfillRequest(paused.getRequestId(), paused.getResponseStatusCode().orElse(200), paused.getResponseHeaders(),
                    Optional.empty(), Optional.of(Base64.getEncoder().encodeToString(out.getBytes(StandardCharsets.UTF_8))), Optional.empty()));
        } catch (RuntimeException pageGone) {
            proceed(devTools, paused);
        }
    }

    private static void proceed(DevTools devTools, RequestPaused paused) {
        try {
            devTools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        } catch (RuntimeException pageGone) {
            // nothing to continue
        }
    }

    @Override
    public void close() {
        talking.lock();
        try {
            DevTools tools = devTools;
            devTools = null;
            listening = false;
            if (tools == null) {
                return;
            }
            try {
                tools.send(Fetch.disable());
                tools.clearListeners();
            } catch (RuntimeException browserGone) {
                // nothing to release
            }
            try {
                tools.close();
            } catch (RuntimeException browserGone) {
                // nothing to close
            }
        } finally {
            talking.unlock();
        }
    }
}
