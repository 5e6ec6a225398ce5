package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/**
 * A TCP relay on 127.0.0.1 in front of one fixed endpoint, e.g. LiveKit's ICE/TCP port: every connection
 * to {@link #port()} is joined to a new connection to the endpoint, and the bytes cross a
 * {@link PathConditions} (delay, rate cap, outage — held, not dropped).
 */
public final class TcpRelay implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final InetSocketAddress target;
    private final PathConditions conditions;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final TunnelSet<InetSocketAddress> tunnels;
    private volatile boolean closed;

    public TcpRelay(InetSocketAddress target, PathConditions conditions) {
        this(target, conditions, InetAddress.getLoopbackAddress());
    }

    /** Listening on {@code host}: loopback, or the address a Grid node's browser reaches this machine at. */
    public TcpRelay(InetSocketAddress target, PathConditions conditions, InetAddress host) {
        this.target = target;
        this.conditions = conditions;
        try {
            this.server = new ServerSocket(0, 50, host);
        } catch (IOException e) {
            throw new LivecheckException("TCP relay cannot listen on " + host.getHostAddress() + ": " + e.getMessage(), e);
        }
        this.threads = NetThreads.cached("livecheck-tcp-relay-" + server.getLocalPort());
        this.tunnels = new TunnelSet<>(threads);
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public InetSocketAddress target() {
        return target;
    }

    /** Closes every open connection (both sides see a reset), as when a middlebox drops its state. */
    public void closeConnections() {
        tunnels.closeAll();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket browser = server.accept();
                threads.submit(() -> join(browser));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void join(Socket browser) {
        if (!conditions.awaitPassable(Direction.UP, () -> !closed) || !conditions.awaitPassable(Direction.DOWN, () -> !closed)) {
            closeQuietly(browser);
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            closeQuietly(upstream);
            closeQuietly(browser);
            return;
        }
        tunnels.start(browser, upstream, conditions, new byte[0], target);
        if (closed) {
            tunnels.closeAll();
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
        closeConnections();
        conditions.wakeAll();
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "TCP relay " + server.getInetAddress().getHostAddress() + ":" + port() + " -> " + target;
    }
}
