package dev.livecheck.net;

import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The arithmetic of one impaired direction, with no sockets and no threads: given a packet's size and
 * arrival time, when it leaves, or that it is dropped. Reads the current {@link Impairment} on every
 * packet, so a change applies to the next packet. Thread-safe: the flows sharing one direction share its
 * rate cap, as flows share a bottleneck link.
 */
final class LinkModel {
    private final Supplier<Impairment> impairment;
    private final Random random;
    private long busyUntil = Long.MIN_VALUE;
    private long lastDeparture = Long.MIN_VALUE;

    LinkModel(Supplier<Impairment> impairment, Random random) {
        this.impairment = impairment;
        this.random = random;
    }

    /**
     * When a datagram of {@code bytes} arriving at {@code nowNanos} leaves (in the same nanoTime clock),
     * or empty when it is dropped (outage, random loss, or a full rate-cap queue).
     */
    synchronized OptionalLong datagram(int bytes, long nowNanos) {
        Impairment now = impairment.get();
        if (now.outage() || (now.loss() > 0 && random.nextDouble() < now.loss())) {
            return OptionalLong.empty();
        }
        long sent = nowNanos;
        if (now.rateBitsPerSecond() > 0) {
            long start = Math.max(nowNanos, busyUntil);
            if (start - nowNanos > now.queueLimit().toNanos()) {
                return OptionalLong.empty();
            }
            busyUntil = start + serialisation(bytes, now.rateBitsPerSecond());
            sent = busyUntil;
        }
        return OptionalLong.of(depart(sent, now));
    }

    /**
     * When a chunk of a TCP stream arriving at {@code nowNanos} leaves. Streams are never dropped:
     * loss is ignored and a full rate-cap queue only delays (the caller blocks its sender meanwhile).
     * The caller holds the stream while {@link Impairment#outage()} is on and calls this afterwards.
     */
    synchronized long chunk(int bytes, long nowNanos) {
        Impairment now = impairment.get();
        long sent = nowNanos;
        if (now.rateBitsPerSecond() > 0) {
            busyUntil = Math.max(nowNanos, busyUntil) + serialisation(bytes, now.rateBitsPerSecond());
            sent = busyUntil;
        }
        return depart(sent, now);
    }

    boolean isOutage() {
        return impairment.get().outage();
    }

    private long depart(long sentNanos, Impairment now) {
        long delay = now.delay().toNanos();
        long jitter = now.jitter().toNanos();
        if (jitter > 0) {
            delay = Math.max(0, delay + (long) ((random.nextDouble() * 2 - 1) * jitter));
        }
        long departure = Math.max(sentNanos + delay, lastDeparture); // never reorder
        lastDeparture = departure;
        return departure;
    }

    private static long serialisation(int bytes, long bitsPerSecond) {
        return bytes * 8L * 1_000_000_000L / bitsPerSecond;
    }
}
