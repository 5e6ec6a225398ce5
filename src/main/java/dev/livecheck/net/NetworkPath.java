package dev.livecheck.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One browser's network path to LiveKit, owned by the harness: signalling and the app's HTTP go through a
 * {@link BrowserProxy}, and media goes through a {@link UdpRelay} / {@link TcpRelay} per advertised media
 * endpoint, to which the in-page script (netpath.js) points LiveKit's remote ICE candidates. One
 * {@link PathConditions} governs signalling and media together, so the path can be cut, restored and
 * impaired as a whole, for this browser only.
 *
 * <p>Start the browser with {@link #chromiumArguments()} and install {@link #injectedScript()} with CDP
 * {@code Page.addScriptToEvaluateOnNewDocument} before the app's scripts run.
 */
public final class NetworkPath implements AutoCloseable {
    private static final String SCRIPT = readScript();

    private final PathConditions conditions = new PathConditions();
    /** Where the browser reaches the path: loopback, or this machine's address on a Grid's network. */
    private final java.net.InetAddress host = AdvertisedHost.current();
    private final BrowserProxy proxy = new BrowserProxy(host);
    private final ProxyRoute signalling;
    private final Map<MediaEndpoint, UdpRelay> udpRelays = new LinkedHashMap<>();
    private final Map<MediaEndpoint, TcpRelay> tcpRelays = new LinkedHashMap<>();
    private final Predicate<ProxyRequest> isSignalling;

    /**
     * @param isSignalling which proxy requests are LiveKit signalling (they share the media's conditions)
     * @param media        the media endpoints LiveKit advertises, each given its own relay
     */
    public NetworkPath(Predicate<ProxyRequest> isSignalling, List<MediaEndpoint> media) {
        this.isSignalling = isSignalling;
        this.signalling = proxy.route("livekit-signalling", isSignalling, conditions);
        try {
            media.forEach(this::addMediaEndpoint);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Gives a media endpoint learned later its own relay (e.g. one of a LiveKit Cloud node, read from the
     * candidates netpath.js dropped: {@code window.__livecheckNetpath.rewrites} entries with {@code to: null})
     * and returns the relay's port. Pages loaded afterwards get it through {@link #injectedScript()}; a page
     * already loaded needs {@code window.__livecheckNetpath.endpoints[key] = port} and a reconnect.
     */
    public synchronized int addMediaEndpoint(MediaEndpoint endpoint) {
        if (udpRelays.containsKey(endpoint) || tcpRelays.containsKey(endpoint)) {
            return relayPort(endpoint);
        }
        InetSocketAddress target = new InetSocketAddress(endpoint.address(), endpoint.port());
        if (endpoint.transport() == MediaEndpoint.Transport.UDP) {
            udpRelays.put(endpoint, new UdpRelay(target, conditions, host));
        } else {
            tcpRelays.put(endpoint, new TcpRelay(target, conditions, host));
        }
        return relayPort(endpoint);
    }

    /** A path to the LiveKit at {@code livekitUrl} (ws, wss, http or https; host name or IP literal). */
    public static NetworkPath toLiveKit(String livekitUrl, List<MediaEndpoint> media) {
        return toLiveKit(List.of(livekitUrl), media);
    }

    /** A path to a LiveKit the browser may reach by any of these URLs (its own, and the name the app gives it). */
    public static NetworkPath toLiveKit(java.util.Collection<String> livekitUrls, List<MediaEndpoint> media) {
        List<String> authorities = livekitUrls.stream().map(NetworkPath::authorityOf).distinct().toList();
        return new NetworkPath(request -> authorities.stream().anyMatch(request::isFor), media);
    }

    /** {@code host:port} of a LiveKit URL, with the scheme's default port when none is given. */
    static String authorityOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port < 0) {
            port = scheme.equals("wss") || scheme.equals("https") ? 443 : 80;
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("not a URL with a host: " + url);
        }
        return host + ":" + port;
    }

    public BrowserProxy proxy() {
        return proxy;
    }

    public PathConditions conditions() {
        return conditions;
    }

    /** The Chromium switches that route this browser's HTTP and WebSockets through the proxy. */
    public List<String> chromiumArguments() {
        return proxy.chromiumArguments();
    }

    /** Firefox's preferences for the same: every request through the proxy, loopback destinations included. */
    public Map<String, Object> firefoxPreferences() {
        return proxy.firefoxPreferences();
    }

    /** The relay port a media endpoint was given. */
    public synchronized int relayPort(MediaEndpoint endpoint) {
        if (udpRelays.containsKey(endpoint)) {
            return udpRelays.get(endpoint).port();
        }
        if (tcpRelays.containsKey(endpoint)) {
            return tcpRelays.get(endpoint).port();
        }
        throw new IllegalArgumentException("no relay for " + endpoint);
    }

    public synchronized List<UdpRelay> udpRelays() {
        return List.copyOf(udpRelays.values());
    }

    /** Media datagrams through all this path's UDP relays so far (what the impairment actually did to them). */
    public synchronized UdpRelay.Stats mediaTotals() {
        long upReceived = 0, upDropped = 0, upBytes = 0, downReceived = 0, downDropped = 0, downBytes = 0;
        int sessions = 0;
        for (UdpRelay relay : udpRelays.values()) {
            UdpRelay.Stats s = relay.stats();
            upReceived += s.upReceived();
            upDropped += s.upDropped();
            upBytes += s.upBytes();
            downReceived += s.downReceived();
            downDropped += s.downDropped();
            downBytes += s.downBytes();
            sessions += s.sessions();
        }
        return new UdpRelay.Stats(upReceived, upDropped, upBytes, downReceived, downDropped, downBytes, sessions);
    }

    /** The configuration netpath.js reads from {@code window.__livecheckNetpath}, as a JavaScript object literal. */
    public synchronized String scriptConfig() {
        List<String> entries = new ArrayList<>();
        udpRelays.forEach((e, r) -> entries.add(jsString(e.key()) + ": " + r.port()));
        tcpRelays.forEach((e, r) -> entries.add(jsString(e.key()) + ": " + r.port()));
        // with no relay at all (an external LiveKit whose media addresses were not given) media goes direct, not nowhere
        return "{relayHost: \"" + AdvertisedHost.literal(host) + "\", endpoints: {" + String.join(", ", entries) + "}, "
                + "dropUnknown: " + !entries.isEmpty() + ", hideLocalCandidates: true, stripIceServers: true}";
    }

    /** The script to install before the app's scripts: the configuration, then netpath.js. */
    public String injectedScript() {
        return "window.__livecheckNetpath = " + scriptConfig() + ";\n" + SCRIPT;
    }

    /**
     * A silent total outage of signalling and media, both ways, as behind a black hole: datagrams are dropped,
     * open TCP connections stay open but carry nothing, new ones hang. LiveKit's client notices only by its
     * own timers (signal ping timeout, ICE).
     */
    public void cut() {
        conditions.refuseConnectionsDuringOutage(false);
        conditions.set(Impairment.cut());
    }

    /**
     * A total outage the browser notices at once, as when the device goes offline: datagrams are dropped,
     * open signalling and ICE/TCP connections are reset, new connections are refused.
     */
    public void disconnect() {
        conditions.refuseConnectionsDuringOutage(true);
        conditions.set(Impairment.cut());
        resetConnections();
    }

    /** Ends an outage or impairment: held TCP bytes are delivered, datagrams cross again. */
    public void restore() {
        conditions.set(Impairment.none());
        conditions.refuseConnectionsDuringOutage(false);
    }

    /** The same impairment both ways (a round trip gains twice the delay). */
    public void impair(Impairment both) {
        conditions.set(both);
    }

    public void impair(Impairment up, Impairment down) {
        conditions.set(up, down);
    }

    /**
     * Closes the open signalling connections and ICE/TCP connections now (the browser sees them reset),
     * as when a proxy or NAT drops its state; new connections follow the current conditions.
     */
    public synchronized void resetConnections() {
        proxy.closeConnections(isSignalling);
        tcpRelays.values().forEach(TcpRelay::closeConnections);
    }

    /**
     * Makes this browser's requests that match hang (accepted, never answered) until the returned route
     * is closed, e.g. the app's token route. A URL is known for plain-HTTP requests only; for HTTPS match
     * on {@link ProxyRequest#host()} and {@link ProxyRequest#port()}.
     */
    public ProxyRoute stallHttp(Predicate<ProxyRequest> which) {
        PathConditions stalled = new PathConditions();
        stalled.set(Impairment.cut());
        return proxy.route("stall", which, stalled);
    }

    /** LiveKit's signalling hangs for this browser (accepted, never answered) until the returned route is closed. */
    public ProxyRoute stallSignalling() {
        return stallHttp(isSignalling);
    }

    /** Stalls every request to {@code host:port}. */
    public ProxyRoute stallHttp(String hostAndPort) {
        return stallHttp(request -> request.isFor(hostAndPort));
    }

    @Override
    public synchronized void close() {
        conditions.set(Impairment.none());
        signalling.close();
        proxy.close();
        udpRelays.values().forEach(UdpRelay::close);
        tcpRelays.values().forEach(TcpRelay::close);
    }

    private static String jsString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String readScript() {
        try (InputStream in = NetworkPath.class.getResourceAsStream("/livecheck/netpath.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("livecheck/netpath.js missing from the classpath", e);
        }
    }
}
