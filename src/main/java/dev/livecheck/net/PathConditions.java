package dev.livecheck.net;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The current {@link Impairment} of each {@link Direction} of a path, shared by every relay and tunnel
 * on that path and read per packet, so a change applies at once to traffic already flowing. Waiters
 * blocked by an outage are woken when it ends.
 */
public final class PathConditions {
    private final Map<Direction, Impairment> current = new EnumMap<>(Direction.class);
    private boolean refusing;

    public PathConditions() {
        current.put(Direction.UP, Impairment.none());
        current.put(Direction.DOWN, Impairment.none());
    }

    public synchronized Impairment get(Direction direction) {
        return current.get(direction);
    }

    /** The same impairment in both directions. */
    public void set(Impairment both) {
        set(both, both);
    }

    public synchronized void set(Impairment up, Impairment down) {
        current.put(Direction.UP, Objects.requireNonNull(up, "up"));
        current.put(Direction.DOWN, Objects.requireNonNull(down, "down"));
        notifyAll();
    }

    /**
     * During an outage, whether new TCP connections are refused at once (as by a device that knows it is
     * offline) instead of hanging (as behind a silent black hole). Set before the outage starts.
     */
    public synchronized void refuseConnectionsDuringOutage(boolean value) {
        refusing = value;
        notifyAll();
    }

    /**
     * Blocks while {@code direction} is in an outage and {@code open} holds; false when interrupted, no longer
     * open, or when the outage refuses connections.
     */
    synchronized boolean awaitPassable(Direction direction, BooleanSupplier open) {
        while (current.get(direction).outage() && open.getAsBoolean()) {
            if (refusing) {
                return false;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return open.getAsBoolean();
    }

    /** Wakes waiters so they notice that their stream was closed. */
    synchronized void wakeAll() {
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return "up " + current.get(Direction.UP) + ", down " + current.get(Direction.DOWN);
    }
}
