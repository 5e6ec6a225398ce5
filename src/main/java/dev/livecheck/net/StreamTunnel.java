package dev.livecheck.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Two connected TCP sockets (the browser's and the server's) with the bytes between them crossing a
 * {@link PathConditions}: delayed and rate-limited per direction, held during an outage (the connection
 * stays open, as TCP does across a short outage) and delivered when it ends. Closing either side
 * closes both.
 */
final class StreamTunnel implements AutoCloseable {
    private static final int CHUNK = 16 * 1024;
    private static final int QUEUED_CHUNKS = 32;

    private final Socket browser;
    private final Socket server;
    private final PathConditions conditions;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicInteger finished = new AtomicInteger();
    private final Consumer<StreamTunnel> onClose;

    private StreamTunnel(Socket browser, Socket server, PathConditions conditions, Consumer<StreamTunnel> onClose) {
        this.browser = browser;
        this.server = server;
        this.conditions = conditions;
        this.onClose = onClose;
    }

    /**
     * Starts pumping both ways on {@code threads}; {@code firstUp} is sent to the server first
     * (e.g. a rewritten HTTP request head), through the same impairment as everything else.
     */
    static StreamTunnel start(Socket browser, Socket server, PathConditions conditions, byte[] firstUp,
                              ExecutorService threads, Random random, Consumer<StreamTunnel> onClose) {
        StreamTunnel tunnel = new StreamTunnel(browser, server, conditions, onClose);
        tunnel.pump(Direction.UP, browser, server, firstUp, threads, new LinkModel(() -> conditions.get(Direction.UP), random));
        tunnel.pump(Direction.DOWN, server, browser, new byte[0], threads,
                new LinkModel(() -> conditions.get(Direction.DOWN), new Random(random.nextLong())));
        return tunnel;
    }

    boolean isOpen() {
        return open.get();
    }

    private void pump(Direction direction, Socket from, Socket to, byte[] first, ExecutorService threads, LinkModel link) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        if (first.length > 0) {
            queue.add(new Chunk(first, System.nanoTime()));
        }
        threads.submit(() -> read(from, queue));
        threads.submit(() -> write(direction, to, queue, link));
    }

    private void read(Socket from, BlockingQueue<Chunk> queue) {
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream(); // not closed here: that would close the socket both ways
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    queue.put(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime()));
                }
            }
            queue.put(Chunk.END);
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    private void write(Direction direction, Socket to, BlockingQueue<Chunk> queue, LinkModel link) {
        try {
            OutputStream out = to.getOutputStream();
            while (open.get()) {
                Chunk chunk = queue.poll(1, TimeUnit.SECONDS);
                if (chunk == null) {
                    continue;
                }
                if (chunk == Chunk.END) {
                    to.shutdownOutput(); // half-close, as the sender did
                    if (finished.incrementAndGet() == 2) {
                        close();
                    }
                    return;
                }
                if (!conditions.awaitPassable(direction, open::get)) {
                    close();
                    return;
                }
                long departure = link.chunk(chunk.bytes.length, chunk.arrivedNanos);
                waitUntil(departure);
                out.write(chunk.bytes);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            close();
        }
    }

    private void waitUntil(long departureNanos) {
        long wait;
        while (open.get() && (wait = departureNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    @Override
    public void close() {
        if (open.compareAndSet(true, false)) {
            closeQuietly(browser);
            closeQuietly(server);
            conditions.wakeAll();
            onClose.accept(this);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private record Chunk(byte[] bytes, long arrivedNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }
}
