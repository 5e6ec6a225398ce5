package dev.livecheck.net;

import java.util.function.Predicate;

/**
 * A rule of a {@link BrowserProxy}: the requests it matches cross {@link #conditions()} — clean, impaired,
 * or in an outage (then new connections are accepted and never answered, and open ones are held).
 * Closing the route ends its outage (held connections continue) and removes it.
 */
public final class ProxyRoute implements AutoCloseable {
    private final String name;
    private final Predicate<ProxyRequest> matches;
    private final PathConditions conditions;
    private final Runnable remove;

    ProxyRoute(String name, Predicate<ProxyRequest> matches, PathConditions conditions, Runnable remove) {
        this.name = name;
        this.matches = matches;
        this.conditions = conditions;
        this.remove = remove;
    }

    public String name() {
        return name;
    }

    public PathConditions conditions() {
        return conditions;
    }

    boolean matches(ProxyRequest request) {
        return matches.test(request);
    }

    @Override
    public void close() {
        remove.run();
        conditions.set(Impairment.none());
    }

    @Override
    public String toString() {
        return name + " (" + conditions + ")";
    }
}
