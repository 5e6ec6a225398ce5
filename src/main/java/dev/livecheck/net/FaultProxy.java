package dev.livecheck.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on loopback in front of LiveKit's signalling port. Normally it forwards; as a black hole
 * it accepts connections and never answers, which is what a browser sees when signalling hangs
 * (the "stuck on Connecting…" bug). The app under test is not changed: it hands out this proxy's URL.
 */
public final class FaultProxy implements AutoCloseable {
    public enum Mode { FORWARD, BLACK_HOLE }

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "livecheck-fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.FORWARD;

    public FaultProxy(int targetPort) {
        this(0, targetPort);
    }

    public FaultProxy(int listenPort, int targetPort) {
        this(listenPort, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    }

    /** A proxy to another host: TLS passes through untouched (the browser still talks to that host). */
    public FaultProxy(int listenPort, InetSocketAddress target) {
        try {
            this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new dev.livecheck.config.LivecheckException("signalling proxy cannot listen on 127.0.0.1:" + listenPort + ": " + e.getMessage(), e);
        }
        this.target = target;
        threads.submit(this::acceptLoop);
    }

    /** A listener that accepts and never answers: where a black-holed host is sent. */
    public static FaultProxy blackHoleListener() {
        FaultProxy proxy = new FaultProxy(0, 0);
        proxy.blackHole();
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    public Mode mode() {
        return mode;
    }

    /** New connections hang; connections already open are cut, as when a route disappears. */
    public void blackHole() {
        mode = Mode.BLACK_HOLE;
        closeOpenConnections();
    }

    public void forward() {
        mode = Mode.FORWARD;
        closeOpenConnections();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                if (mode == Mode.FORWARD) {
                    threads.submit(() -> pipe(client));
                }
                // black hole: keep the accepted socket open and never read or write
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pipe(Socket client) {
        try {
            Socket upstream = new Socket();
            upstream.connect(target.isUnresolved() ? new InetSocketAddress(target.getHostString(), target.getPort()) : target, 2000);
            open.add(upstream);
            threads.submit(() -> copy(upstream, client));
            copy(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away; close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeOpenConnections() {
        open.forEach(FaultProxy::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeOpenConnections();
        threads.shutdownNow();
    }
}
