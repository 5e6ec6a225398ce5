package dev.livecheck.net;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends datagrams of one direction at their departure times, in the order they were submitted (a
 * {@link LinkModel} gives non-decreasing departures, so order and timing agree). One daemon thread;
 * a datagram due now with nothing ahead of it is sent on the caller's thread.
 */
final class DelayLine implements AutoCloseable {
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private int inFlight;
    private volatile boolean closed;

    /** Sends one datagram; an I/O error loses it, as a real network would. */
    @FunctionalInterface
    interface Send {
        void run() throws java.io.IOException;
    }

    private record Item(long departureNanos, Send send) {
    }

    DelayLine(String name) {
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    void submit(long departureNanos, Send send) {
        synchronized (this) {
            if (inFlight == 0 && departureNanos - System.nanoTime() <= 0) {
                sendQuietly(send);
                return;
            }
            inFlight++;
        }
        queue.add(new Item(departureNanos, send));
    }

    private void loop() {
        while (!closed) {
            Item item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            long wait;
            while (!closed && (wait = item.departureNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            synchronized (this) {
                sendQuietly(item.send);
                inFlight--;
            }
        }
    }

    private static void sendQuietly(Send send) {
        try {
            send.run();
        } catch (java.io.IOException ignored) {
            // lost, as on a real network
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        queue.clear();
    }
}
