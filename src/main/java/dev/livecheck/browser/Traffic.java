package dev.livecheck.browser;

import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser's own HTTP traffic, taken in hand — DevTools on Chromium, WebDriver BiDi on Firefox — the same for every
 * app, whatever its routes: the page's requests to some URLs made to hang (a backend that never answers), the LiveKit
 * tokens in the page's responses replaced (an expired token, as if the app had handed it out), and every response
 * read for what must never reach a browser. The three go on together.
 */
public final class Traffic implements AutoCloseable {
    /** A JWT in a response body; a LiveKit one has a "video" grant. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private final WebDriver driver;
    /** Chromium's traffic, through DevTools. */
    private final CdpTraffic cdp;
    /** Firefox's traffic, through WebDriver BiDi. */
    private BiDiTraffic bidi;
    /** Firefox's token substitution, through a BiDi channel. */
    private BiDiTokens tokens;
    private final AtomicInteger stalled = new AtomicInteger();
    private final AtomicInteger replaced = new AtomicInteger();
    private final List<String> revealing = new java.util.concurrent.CopyOnWriteArrayList<>();

    Traffic(WebDriver driver) {
        this.driver = driver;
        this.cdp = new CdpTraffic(driver);
    }

    /**
     * Whether a test changed the browser's traffic (made requests hang, swapped tokens): its browser is not reused, as
     * DevTools state may outlive the test. Watching responses only reads them.
     */
    synchronized boolean used() {
        return cdp.changedTraffic();
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

    /** From now on, the page's requests (fetch, XHR) whose URL matches the glob hang without an answer, until {@link #release()}. */
    public synchronized void stall(String urlGlob) {
        if (firefox()) {
            bidi().stall(urlGlob, stalled);
            return;
        }
        cdp.stall(urlGlob, stalled);
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
        cdp.rewriteBodies(body -> swapTokens(body, replace));
    }

    /** The body with each LiveKit token in it swapped for what {@code replace} makes of it (counted when one changed). */
    private String swapTokens(String body, UnaryOperator<String> replace) {
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
            return body;
        }
        replaced.incrementAndGet();
        return out.toString();
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
        cdp.watchResponses(reveals, revealing::add);
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

    /** Back to normal: hanging requests let go, tokens no longer replaced; responses still watched. */
    public synchronized void release() {
        if (tokens != null) {
            tokens.release();
        }
        if (bidi != null) {
            bidi.release();
        }
        cdp.release();
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
        cdp.close();
    }
}
