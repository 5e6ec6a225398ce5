package dev.livecheck.net;

import java.time.Duration;
import java.util.Objects;

/**
 * What one direction of a network path does to the traffic crossing it, like a small user-space netem.
 *
 * <ul>
 *   <li>{@code delay}: added one-way latency; a round trip through a path impaired in both directions
 *       gains twice this.</li>
 *   <li>{@code jitter}: each packet's delay varies uniformly within {@code delay ± jitter}; packets are never
 *       reordered (a packet leaves no earlier than the one before it).</li>
 *   <li>{@code loss}: fraction (0..1) of datagrams dropped at random; TCP streams ignore it (TCP would
 *       retransmit, so a stream only sees the delay).</li>
 *   <li>{@code rateBitsPerSecond}: a bottleneck of that rate, 0 for none. Packets are serialised at the
 *       rate behind each other; a datagram that would wait longer than {@code queueLimit} is dropped (tail
 *       drop), a stream instead blocks its sender.</li>
 *   <li>{@code outage}: nothing crosses. Datagrams are dropped; TCP streams hold their bytes and new TCP
 *       connections hang until the outage ends, as when a route disappears for a while.</li>
 * </ul>
 */
public record Impairment(Duration delay, Duration jitter, double loss, long rateBitsPerSecond, Duration queueLimit,
                         boolean outage) {
    /** The default queue a rate cap keeps before it drops datagrams. */
    public static final Duration DEFAULT_QUEUE_LIMIT = Duration.ofMillis(300);

    private static final Impairment NONE = new Impairment(Duration.ZERO, Duration.ZERO, 0, 0, DEFAULT_QUEUE_LIMIT, false);

    public Impairment {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(queueLimit, "queueLimit");
        if (delay.isNegative() || jitter.isNegative() || queueLimit.isNegative()) {
            throw new IllegalArgumentException("delay, jitter and queueLimit must not be negative");
        }
        if (!(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException("loss must be within 0..1, was " + loss);
        }
        if (rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("rateBitsPerSecond must not be negative");
        }
    }

    /** A clean path: everything crosses at once. */
    public static Impairment none() {
        return NONE;
    }

    /** A total outage: nothing crosses. */
    public static Impairment cut() {
        return NONE.withOutage(true);
    }

    public Impairment withDelay(Duration value) {
        return new Impairment(value, jitter, loss, rateBitsPerSecond, queueLimit, outage);
    }

    public Impairment withJitter(Duration value) {
        return new Impairment(delay, value, loss, rateBitsPerSecond, queueLimit, outage);
    }

    public Impairment withLoss(double value) {
        return new Impairment(delay, jitter, value, rateBitsPerSecond, queueLimit, outage);
    }

    public Impairment withRate(long bitsPerSecond) {
        return new Impairment(delay, jitter, loss, bitsPerSecond, queueLimit, outage);
    }

    public Impairment withQueueLimit(Duration value) {
        return new Impairment(delay, jitter, loss, rateBitsPerSecond, value, outage);
    }

    public Impairment withOutage(boolean value) {
        return new Impairment(delay, jitter, loss, rateBitsPerSecond, queueLimit, value);
    }

    /** True when traffic crosses untouched. */
    public boolean isClean() {
        return !outage && delay.isZero() && jitter.isZero() && loss == 0 && rateBitsPerSecond == 0;
    }

    @Override
    public String toString() {
        if (outage) {
            return "outage";
        }
        if (isClean()) {
            return "clean";
        }
        StringBuilder s = new StringBuilder();
        if (!delay.isZero()) {
            s.append("delay ").append(delay.toMillis()).append(" ms ");
        }
        if (!jitter.isZero()) {
            s.append("jitter ±").append(jitter.toMillis()).append(" ms ");
        }
        if (loss > 0) {
            s.append("loss ").append(loss * 100).append(" % ");
        }
        if (rateBitsPerSecond > 0) {
            s.append("rate ").append(rateBitsPerSecond / 1000).append(" kbit/s (queue ").append(queueLimit.toMillis()).append(" ms) ");
        }
        return s.toString().trim();
    }
}
