package dev.livecheck.net;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay on 127.0.0.1 in front of one media endpoint (e.g. LiveKit's muxed ICE/UDP port). A browser
 * sends to {@link #port()}; each browser source address gets its own upstream socket, so the server sees
 * the relay as a NAT (a peer-reflexive ICE candidate) and answers through it. Every datagram crosses a
 * {@link LinkModel} per direction, so the relay can delay, jitter, drop, rate-limit or black out the path.
 */
public final class UdpRelay implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;
    private static final int MAX_SESSIONS = 256;

    private final InetSocketAddress target;
    private final PathConditions conditions;
    private final DatagramSocket front;
    private final Map<SocketAddress, Session> sessions = new ConcurrentHashMap<>();
    private final LinkModel up;
    private final LinkModel down;
    private final ExecutorService readers;
    private final DelayLine upLine;
    private final DelayLine downLine;
    private final Counters counters = new Counters();
    private volatile boolean closed;

    /**
     * Datagrams received and dropped so far, and bytes passed on (not dropped), per direction; {@code sessions}
     * is the number of browser source addresses seen.
     */
    public record Stats(long upReceived, long upDropped, long upBytes, long downReceived, long downDropped, long downBytes,
                        int sessions) {
    }

    public UdpRelay(InetSocketAddress target, PathConditions conditions) {
        this(target, conditions, InetAddress.getLoopbackAddress());
    }

    /** Bound on {@code host}: loopback, or the address a Grid node's browser reaches this machine at. */
    public UdpRelay(InetSocketAddress target, PathConditions conditions, InetAddress host) {
        this(target, conditions, new Random(), host);
    }

    UdpRelay(InetSocketAddress target, PathConditions conditions, Random random) {
        this(target, conditions, random, InetAddress.getLoopbackAddress());
    }

    private UdpRelay(InetSocketAddress target, PathConditions conditions, Random random, InetAddress host) {
        this.target = target;
        this.conditions = conditions;
        try {
            this.front = new DatagramSocket(new InetSocketAddress(host, 0));
        } catch (IOException e) {
            throw new LivecheckException("UDP relay cannot bind on " + host.getHostAddress() + ": " + e.getMessage(), e);
        }
        this.up = new LinkModel(() -> conditions.get(Direction.UP), random);
        this.down = new LinkModel(() -> conditions.get(Direction.DOWN), new Random(random.nextLong()));
        String name = "livecheck-udp-relay-" + front.getLocalPort();
        this.readers = NetThreads.cached(name);
        this.upLine = new DelayLine(name + "-up");
        this.downLine = new DelayLine(name + "-down");
        readers.submit(this::readFront);
    }

    /** The loopback port a browser sends to instead of the endpoint. */
    public int port() {
        return front.getLocalPort();
    }

    public InetSocketAddress target() {
        return target;
    }

    public Stats stats() {
        return new Stats(counters.upReceived.get(), counters.upDropped.get(), counters.upBytes.get(),
                counters.downReceived.get(), counters.downDropped.get(), counters.downBytes.get(), sessions.size());
    }

    private void readFront() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                front.receive(packet);
            } catch (IOException e) {
                return;
            }
            Session session = session(packet.getSocketAddress());
            if (session != null) {
                byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
                counters.upReceived.incrementAndGet();
                pass(up, data, () -> session.upstream.send(new DatagramPacket(data, data.length, target)), counters.upDropped,
                        counters.upBytes);
            }
        }
    }

    private Session session(SocketAddress browser) {
        Session existing = sessions.get(browser);
        if (existing != null || sessions.size() >= MAX_SESSIONS) {
            return existing;
        }
        return sessions.computeIfAbsent(browser, this::open);
    }

    private Session open(SocketAddress browser) {
        try {
            DatagramSocket upstream = new DatagramSocket(new InetSocketAddress(front.getLocalAddress(), 0));
            Session session = new Session(browser, upstream);
            readers.submit(() -> readUpstream(session));
            return session;
        } catch (IOException e) {
            throw new LivecheckException("UDP relay cannot open an upstream socket: " + e.getMessage(), e);
        }
    }

    private void readUpstream(Session session) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                session.upstream.receive(packet);
            } catch (IOException e) {
                return;
            }
            byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
            counters.downReceived.incrementAndGet();
            pass(down, data, () -> front.send(new DatagramPacket(data, data.length, session.browser)), counters.downDropped,
                    counters.downBytes);
        }
    }

    private void pass(LinkModel link, byte[] data, DelayLine.Send send, AtomicLong dropped, AtomicLong passedBytes) {
        OptionalLong departure = link.datagram(data.length, System.nanoTime());
        if (departure.isEmpty()) {
            dropped.incrementAndGet();
            return;
        }
        passedBytes.addAndGet(data.length);
        (link == up ? upLine : downLine).submit(departure.getAsLong(), send);
    }

    @Override
    public void close() {
        closed = true;
        front.close();
        sessions.values().forEach(s -> s.upstream.close());
        sessions.clear();
        upLine.close();
        downLine.close();
        readers.shutdownNow();
    }

    @Override
    public String toString() {
        return "UDP relay " + front.getLocalAddress().getHostAddress() + ":" + port() + " -> " + target + " (" + conditions + ")";
    }

    private record Session(SocketAddress browser, DatagramSocket upstream) {
    }

    private static final class Counters {
        final AtomicLong upReceived = new AtomicLong();
        final AtomicLong upDropped = new AtomicLong();
        final AtomicLong upBytes = new AtomicLong();
        final AtomicLong downBytes = new AtomicLong();
        final AtomicLong downReceived = new AtomicLong();
        final AtomicLong downDropped = new AtomicLong();
    }
}
