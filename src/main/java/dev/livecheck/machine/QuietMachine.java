package dev.livecheck.machine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the machine quiet for the tests whose verdict is a measurement (real-time figures, deadlines): such a test
 * holds the machine alone, every other livecheck test shares it. Within a JVM a read-write lock that lets a waiting
 * measurement go first (no new sharer starts while one waits); across JVMs on the same machine (the bug matrix's
 * shards, a second run) a file lock, shared or exclusive, on {@code <tmp>/livecheck-machine.lock}. A thread that holds
 * a share already (a suite run inside a test, a test inside a class that holds for all its tests) takes nothing more.
 * A hold may be let go from another thread than the one that took it (JUnit closes a class's store where it likes).
 *
 * <p>Why not a smaller number of classes at once: measured here, a real-time test lost its full resolution for its
 * whole 20 s window when another class started its browsers 2 s before it joined; every other test held its verdict
 * two classes at once (490 runs). So only the measured ones wait for the machine, the rest keep their speed.
 */
public final class QuietMachine {
    private static final Map<Thread, Integer> HOLDERS = new ConcurrentHashMap<>();
    private static final Object MONITOR = new Object();
    private static int sharers;
    private static boolean alone;
    private static int waitingToBeAlone;
    private static FileChannel channel;
    private static FileLock fileLock;

    /** What a test holds until it ends. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private QuietMachine() {
    }

    /** For a test that measures: waits until no other livecheck test runs on the machine, then keeps it so. */
    public static Hold alone() {
        Thread me = Thread.currentThread();
        if (HOLDERS.getOrDefault(me, 0) > 0) {
            return nested(me);
        }
        synchronized (MONITOR) {
            waitingToBeAlone++;
            try {
                while (alone || sharers > 0) {
                    waitOn();
                }
            } finally {
                waitingToBeAlone--;
            }
            alone = true;
            fileLock = fileLock(false);
        }
        return held(me, () -> {
            synchronized (MONITOR) {
                release(fileLock);
                fileLock = null;
                alone = false;
                MONITOR.notifyAll();
            }
        });
    }

    /** For every other test: runs beside others, never beside a test that measures. */
    public static Hold shared() {
        Thread me = Thread.currentThread();
        if (HOLDERS.getOrDefault(me, 0) > 0) {
            return nested(me);
        }
        synchronized (MONITOR) {
            while (alone || waitingToBeAlone > 0) {
                waitOn();
            }
            if (sharers++ == 0) {
                fileLock = fileLock(true);
            }
        }
        return held(me, () -> {
            synchronized (MONITOR) {
                if (--sharers == 0) {
                    release(fileLock);
                    fileLock = null;
                }
                MONITOR.notifyAll();
            }
        });
    }

    private static Hold held(Thread owner, Runnable release) {
        HOLDERS.merge(owner, 1, Integer::sum);
        boolean[] closed = {false};
        return () -> {
            synchronized (closed) {
                if (closed[0]) {
                    return;
                }
                closed[0] = true;
            }
            HOLDERS.computeIfPresent(owner, (t, n) -> n > 1 ? n - 1 : null);
            release.run();
        };
    }

    private static Hold nested(Thread owner) {
        return held(owner, () -> { });
    }

    private static void waitOn() {
        try {
            MONITOR.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the machine", e);
        }
    }

    /** Blocks until the other JVMs let go; null where the file can't be locked (then only this JVM is kept quiet). */
    private static FileLock fileLock(boolean share) {
        try {
            if (channel == null || !channel.isOpen()) {
                channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            }
            return channel.lock(0, Long.MAX_VALUE, share);
        } catch (IOException e) {
            return null;
        }
    }

    /** Machine-wide by default; {@code livecheck.machine.lock} names another file (a unit test keeps to itself so). */
    private static Path lockFile() {
        return Path.of(System.getProperty("livecheck.machine.lock", Path.of(System.getProperty("java.io.tmpdir"), "livecheck-machine.lock").toString()));
    }

    private static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel when the JVM ends
        }
    }
}
