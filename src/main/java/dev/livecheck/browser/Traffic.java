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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's own HTTP traffic, taken in hand through DevTools — the same for every app, whatever its
 * routes: the page's requests to some URLs made to hang (a backend that never answers), and the LiveKit
 * tokens in the page's responses replaced (an expired token, as if the app had handed it out).
 */
public final class Traffic implements AutoCloseable {
    /** A JWT in a response body; a LiveKit one has a "video" grant. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private final WebDriver driver;
    private DevTools devTools;
    /** Firefox's traffic, through WebDriver BiDi. */
    private BiDiTraffic bidi;
    /** Firefox's token substitution, through a BiDi channel. */
    private BiDiTokens tokens;
    private final AtomicInteger stalled = new AtomicInteger();
    private final AtomicInteger replaced = new AtomicInteger();
    private final List<String> revealing = new java.util.concurrent.CopyOnWriteArrayList<>();

    Traffic(WebDriver driver) {
        this.driver = driver;
    }

    /** Whether a test took the traffic in hand (its browser is not reused: DevTools state may outlive the test). */
    synchronized boolean used() {
        return devTools != null;
    }

    private boolean firefox() {
        return driver instanceof org.openqa.selenium.firefox.FirefoxDriver;
    }

    private synchronized BiDiTraffic bidi() {
        if (bidi == null) {
            bidi = new BiDiTraffic(driver);
        }
        return bidi;
    }

    private synchronized DevTools devTools() {
        if (devTools == null) {
            WebDriver d = driver instanceof HasDevTools ? driver : new Augmenter().augment(driver);
            devTools = ((HasDevTools) d).getDevTools();
            devTools.createSessionIfThereIsNotOne();
        }
        return devTools;
    }

    /** From now on, the page's requests (fetch, XHR) whose URL matches the glob hang without an answer, until {@link #release()}. */
    public synchronized void stall(String urlGlob) {
        if (firefox()) {
            bidi().stall(urlGlob, stalled);
            return;
        }
        DevTools tools = devTools();
        tools.clearListeners();
        tools.addListener(Fetch.requestPaused(), paused -> stalled.incrementAndGet()); // never continued: the request hangs
        tools.send(Fetch.enable(Optional.of(List.of(
                new RequestPattern(Optional.of(urlGlob), Optional.of(ResourceType.FETCH), Optional.of(RequestStage.REQUEST)),
                new RequestPattern(Optional.of(urlGlob), Optional.of(ResourceType.XHR), Optional.of(RequestStage.REQUEST)))), Optional.empty()));
    }

    /**
     * From now on, every LiveKit token in a response to the page (a document, fetch or XHR whose body holds a JWT
     * with a video grant) is replaced by what {@code replace} makes of it.
     */
    public synchronized void replaceLiveKitTokens(UnaryOperator<String> replace) {
        if (firefox()) {
            if (tokens == null) {
                tokens = new BiDiTokens(driver);
            }
            tokens.start(replace, Traffic::isLiveKitToken, replaced);
            return;
        }
        DevTools tools = devTools();
        tools.clearListeners();
        tools.addListener(Fetch.requestPaused(), paused -> rewrite(tools, paused, replace));
        List<RequestPattern> patterns = List.of(ResourceType.DOCUMENT, ResourceType.FETCH, ResourceType.XHR).stream()
                .map(type -> new RequestPattern(Optional.of("*"), Optional.of(type), Optional.of(RequestStage.RESPONSE))).toList();
        tools.send(Fetch.enable(Optional.of(patterns), Optional.empty()));
    }

    private void rewrite(DevTools tools, RequestPaused paused, UnaryOperator<String> replace) {
        try {
            Fetch.GetResponseBodyResponse response = tools.send(Fetch.getResponseBody(paused.getRequestId()));
            String body = response.getBase64Encoded()
                    ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
            Matcher m = JWT.matcher(body);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                String token = m.group();
                String swapped = isLiveKitToken(token) ? replace.apply(token) : token;
                changed |= !swapped.equals(token);
                m.appendReplacement(out, Matcher.quoteReplacement(swapped));
            }
            m.appendTail(out);
            if (!changed) {
                tools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
                return;
            }
            replaced.incrementAndGet();
            tools.send(Fetch.fulfillRequest(paused.getRequestId(), paused.getResponseStatusCode().orElse(200), paused.getResponseHeaders(),
                    Optional.empty(), Optional.of(Base64.getEncoder().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8))),
                    Optional.empty()));
        } catch (RuntimeException e) {
            try {
                tools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            } catch (RuntimeException ignored) {
                // the page went away
            }
        }
    }

    private static boolean isLiveKitToken(String jwt) {
        try {
            return !dev.livecheck.livekit.TokenClaims.decode(jwt).grants().isEmpty();
        } catch (RuntimeException notOurs) {
            return false;
        }
    }

    /**
     * From now on, every response the page gets (documents, scripts, fetches, XHR) is read as it arrives; the URLs of
     * those whose body {@code reveals} are kept ({@link #revealing()}), the responses themselves pass unchanged.
     */
    public synchronized void watchResponses(java.util.function.Predicate<String> reveals) {
        if (firefox()) {
            bidi().watchResponses(reveals, revealing::add);
            return;
        }
        DevTools tools = devTools();
        tools.clearListeners();
        tools.addListener(Fetch.requestPaused(), paused -> {
            try {
                Fetch.GetResponseBodyResponse response = tools.send(Fetch.getResponseBody(paused.getRequestId()));
                String body = response.getBase64Encoded()
                        ? new String(Base64.getDecoder().decode(response.getBody()), StandardCharsets.UTF_8) : response.getBody();
                if (reveals.test(body)) {
                    revealing.add(paused.getRequest().getUrl().replaceFirst("[?#].*$", ""));
                }
            } catch (RuntimeException noBody) {
                // a redirect or an empty answer: nothing to read
            }
            try {
                tools.send(Fetch.continueRequest(paused.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            } catch (RuntimeException pageGone) {
                // nothing to continue
            }
        });
        List<RequestPattern> patterns = List.of(ResourceType.DOCUMENT, ResourceType.SCRIPT, ResourceType.FETCH, ResourceType.XHR).stream()
                .map(type -> new RequestPattern(Optional.of("*"), Optional.of(type), Optional.of(RequestStage.RESPONSE))).toList();
        tools.send(Fetch.enable(Optional.of(patterns), Optional.empty()));
    }

    /** The URLs (without query) of the responses {@link #watchResponses} found revealing. */
    public List<String> revealing() {
        return List.copyOf(revealing);
    }

    /** Requests made to hang so far. */
    public int stalledRequests() {
        return stalled.get();
    }

    /** Responses whose LiveKit token was replaced so far. */
    public int tokensReplaced() {
        return replaced.get();
    }

    /**
     * Whether the page took a token livecheck could not replace (Firefox: a token in an XMLHttpRequest's response) and
     * none it could: the substitution missed the app, so what follows says nothing of the app.
     */
    public boolean tokensOutOfReach() {
        return tokens != null && replaced.get() == 0 && !tokens.unswapped().isEmpty();
    }

    /** Ends the test as not run (never passed, never the app's failure) when {@link #tokensOutOfReach()}. */
    public void assumeTokensInReach() {
        if (tokensOutOfReach()) {
            throw new org.opentest4j.TestAbortedException("not run on Firefox: the page took its LiveKit token in a response livecheck "
                    + "replaces on Chromium only (" + String.join(", ", tokens.unswapped()) + "); this test runs on Chromium");
        }
    }

    /** Back to normal: interception off, hanging requests let go. */
    public synchronized void release() {
        if (tokens != null) {
            tokens.release();
        }
        if (bidi != null) {
            bidi.release();
        }
        if (devTools != null) {
            try {
                devTools.send(Fetch.disable());
                devTools.clearListeners();
            } catch (RuntimeException browserGone) {
                // nothing to release
            }
        }
    }

    @Override
    public synchronized void close() {
        if (tokens != null) {
            tokens.close();
            tokens = null;
        }
        if (bidi != null) {
            bidi.close();
            bidi = null;
        }
        release();
        if (devTools != null) {
            try {
                devTools.close();
            } catch (RuntimeException ignored) {
                // browser gone
            }
            devTools = null;
        }
    }
}
