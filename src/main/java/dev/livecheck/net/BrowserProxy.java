package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;

/**
 * One browser's HTTP proxy on 127.0.0.1: everything the browser opens over TCP — pages, fetches, WebSockets
 * — goes through it when Chromium is started with {@link #chromiumArguments()}, loopback destinations
 * included. It understands {@code CONNECT host:port} tunnels and absolute-form plain-HTTP requests, and
 * sends each request through the first {@link ProxyRoute} that matches it (clean when none does), so
 * tests can stall or impair one destination of one browser without touching the server or other browsers.
 * Host names are resolved here, by the JVM, not by Chromium (its {@code --host-resolver-rules} no longer
 * apply to proxied requests).
 */
public final class BrowserProxy implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int HEAD_TIMEOUT_MS = 30_000;
    private static final int SEEN_KEPT = 500;

    private final ServerSocket server;
    private final ExecutorService threads;
    private final TunnelSet<ProxyRequest> tunnels;
    private final List<ProxyRoute> routes = new CopyOnWriteArrayList<>();
    private final PathConditions clean = new PathConditions();
    private final Map<Socket, Boolean> pending = new ConcurrentHashMap<>();
    private final Deque<ProxyRequest> seen = new ArrayDeque<>();
    private final Map<String, String> hosts = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public BrowserProxy() {
        this(InetAddress.getLoopbackAddress());
    }

    /** Listening on {@code host}: loopback, or the address a Grid node's browser reaches this machine at. */
    public BrowserProxy(InetAddress host) {
        try {
            this.server = new ServerSocket(0, 100, host);
        } catch (IOException e) {
            throw new LivecheckException("browser proxy cannot listen on " + host.getHostAddress() + ": " + e.getMessage(), e);
        }
        this.threads = NetThreads.cached("livecheck-browser-proxy-" + server.getLocalPort());
        this.tunnels = new TunnelSet<>(threads);
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    private String host() {
        return server.getInetAddress().getHostAddress();
    }

    /**
     * The Chromium switches that send all of a browser's traffic through this proxy: {@code <-loopback>}
     * removes Chromium's implicit bypass of localhost and 127.0.0.1, so those go through it too.
     */
    public List<String> chromiumArguments() {
        return List.of("--proxy-server=http://" + host() + ":" + port(), "--proxy-bypass-list=<-loopback>");
    }

    /** The same for Firefox: its manual proxy for http, https and WebSockets, localhost not exempt. */
    public java.util.Map<String, Object> firefoxPreferences() {
        return java.util.Map.of("network.proxy.type", 1, "network.proxy.http", host(), "network.proxy.http_port", port(),
                "network.proxy.ssl", host(), "network.proxy.ssl_port", port(), "network.proxy.no_proxies_on", "",
                "network.proxy.allow_hijacking_localhost", true);
    }

    /**
     * Connects requests for {@code host} to {@code address} instead of what DNS says (the proxy's own
     * {@code --host-resolver-rules}), e.g. a LiveKit host name that only exists in the test.
     */
    public void mapHost(String host, String address) {
        hosts.put(host.toLowerCase(Locale.ROOT), address);
    }

    /** Adds a rule ahead of the existing ones; close it to remove it. */
    public ProxyRoute route(String name, Predicate<ProxyRequest> matches, PathConditions conditions) {
        ProxyRoute[] self = new ProxyRoute[1];
        self[0] = new ProxyRoute(name, matches, conditions, () -> routes.remove(self[0]));
        routes.add(0, self[0]);
        return self[0];
    }

    /** Closes the open connections that match, as when the proxy or a middlebox resets them; returns how many. */
    public int closeConnections(Predicate<ProxyRequest> which) {
        return tunnels.close(which);
    }

    /** The requests the browser made through this proxy, oldest first (the last few hundred). */
    public synchronized List<ProxyRequest> seen() {
        return List.copyOf(seen);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket browser = server.accept();
                threads.submit(() -> handle(browser));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket browser) {
        pending.put(browser, Boolean.TRUE);
        try {
            Optional<ProxyRequest> request = readRequest(browser);
            if (request.isPresent()) {
                forward(browser, request.get());
            }
        } catch (IOException e) {
            closeQuietly(browser);
        } finally {
            pending.remove(browser);
        }
    }

    private Optional<ProxyRequest> readRequest(Socket browser) throws IOException {
        try {
            browser.setSoTimeout(HEAD_TIMEOUT_MS);
            ProxyRequest request = ProxyRequest.parse(readHead(browser.getInputStream()));
            browser.setSoTimeout(0);
            remember(request);
            return Optional.of(request);
        } catch (IllegalArgumentException e) {
            answer(browser, "400 Bad Request");
            return Optional.empty();
        }
    }

    private void forward(Socket browser, ProxyRequest request) throws IOException {
        PathConditions conditions = conditionsFor(request);
        // in an outage a new connection is accepted and never answered until the outage ends, or refused at once
        if (!conditions.awaitPassable(Direction.UP, () -> !closed && !browser.isClosed())
                || !conditions.awaitPassable(Direction.DOWN, () -> !closed && !browser.isClosed())) {
            refuse(browser, request);
            return;
        }
        Socket upstream = new Socket();
        try {
            String host = hosts.getOrDefault(request.host().toLowerCase(Locale.ROOT), request.host());
            upstream.connect(new InetSocketAddress(host, request.port()), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(upstream);
            answer(browser, "502 Bad Gateway");
            return;
        }
        byte[] firstUp = new byte[0];
        if (request.isTunnel()) {
            browser.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            browser.getOutputStream().flush();
        } else {
            firstUp = request.originHead();
        }
        tunnels.start(browser, upstream, conditions, firstUp, request);
        if (closed) {
            tunnels.closeAll();
        }
    }

    /** A refused tunnel gets 502 (the browser reports a failed connection); plain HTTP is closed unanswered. */
    private void refuse(Socket browser, ProxyRequest request) {
        if (request.isTunnel() && !closed) {
            answer(browser, "502 Bad Gateway");
        } else {
            closeQuietly(browser);
        }
    }

    private PathConditions conditionsFor(ProxyRequest request) {
        for (ProxyRoute route : routes) {
            if (route.matches(request)) {
                return route.conditions();
            }
        }
        return clean;
    }

    private synchronized void remember(ProxyRequest request) {
        seen.addLast(request);
        while (seen.size() > SEEN_KEPT) {
            seen.removeFirst();
        }
    }

    /** Reads up to the blank line that ends a request head, byte by byte so nothing after it is consumed. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a || (last4 & 0xffff) == 0x0a0a) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > MAX_HEAD) {
                throw new IllegalArgumentException("request head larger than " + MAX_HEAD + " bytes");
            }
        }
        throw new IllegalArgumentException("connection closed before the request head ended");
    }

    private static void answer(Socket browser, String status) {
        try {
            browser.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException ignored) {
            // the browser went away
        } finally {
            closeQuietly(browser);
        }
    }

    private static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        tunnels.closeAll();
        pending.keySet().forEach(BrowserProxy::closeQuietly);
        clean.wakeAll();
        routes.forEach(r -> r.conditions().wakeAll());
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "browser proxy " + host() + ":" + port();
    }
}
