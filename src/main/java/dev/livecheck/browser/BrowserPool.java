package dev.livecheck.browser;

import dev.livecheck.media.FakeMedia;
import dev.livecheck.net.NetworkPath;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Warm browsers: the next test whose browser would start exactly the same way (the role's camera and microphone,
 * the same options) gets a browser a finished test gave back, reset to a fresh profile's state
 * ({@link BrowserReset}), instead of starting Chromium again. Browsers with a network path of their own, with
 * devices denied, on a Grid, whose traffic a test rewrote, or from a failed test are never reused: they are quit.
 * {@code livecheck.browsers.reuse=false} turns reuse off.
 */
public final class BrowserPool implements AutoCloseable {
    private record Key(FakeMedia media, BrowserOptions options) {
    }

    private final BrowserSettings settings;
    private final boolean enabled;
    private final Map<Key, Deque<Browsers.Browser>> idle = new HashMap<>();
    private int started;
    private int reused;
    private boolean closed;

    public BrowserPool(BrowserSettings settings, boolean enabled) {
        this.settings = settings;
        this.enabled = enabled && settings.gridUrl().isEmpty();
    }

    /** A browser for this media and these options: a warm one when there is one, else a new one. */
    public Browsers.Browser take(FakeMedia media, BrowserOptions options, Optional<NetworkPath> network) {
        if (network.isEmpty() && poolable(media, options)) {
            synchronized (this) {
                Deque<Browsers.Browser> warm = idle.get(new Key(media, options));
                if (warm != null && !warm.isEmpty()) {
                    reused++;
                    return warm.pop();
                }
            }
        }
        synchronized (this) {
            started++;
        }
        return Browsers.start(settings, media, options, network);
    }

    /**
     * Takes a browser back: reset and kept for the next test when {@code reusable} and the reset leaves nothing
     * behind, quit otherwise. {@code origins} are the sites whose storage the reset clears (the app's, LiveKit's).
     */
    public void giveBack(Browsers.Browser browser, FakeMedia media, BrowserOptions options, boolean reusable, Collection<String> origins) {
        boolean keep = reusable && browser.network().isEmpty() && poolable(media, options) && !isClosed() && BrowserReset.reset(browser.driver(), origins);
        if (keep) {
            synchronized (this) {
                if (!closed) {
                    idle.computeIfAbsent(new Key(media, options), k -> new ArrayDeque<>()).push(browser);
                    return;
                }
            }
        }
        Browsers.quit(browser);
    }

    /** Firefox is quit after each test: its reset (what DevTools clears in Chromium) is not built yet. */
    private boolean poolable(FakeMedia media, BrowserOptions options) {
        return enabled && options.denied() == BrowserOptions.Denied.NOTHING && settings.choice().of(media.name()) == BrowserChoice.Kind.CHROMIUM;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Browsers started, and tests served by a warm one: for the run's summary and the benchmark. */
    public synchronized String summary() {
        return started + (started == 1 ? " browser" : " browsers") + " started, " + reused + " reused";
    }

    /** Whether this pool gave out any browser at all. */
    public synchronized boolean used() {
        return started + reused > 0;
    }

    @Override
    public void close() {
        Deque<Browsers.Browser> all = new ArrayDeque<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
        }
        all.forEach(Browsers::quit);
    }
}
