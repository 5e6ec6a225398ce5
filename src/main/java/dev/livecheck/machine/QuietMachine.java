package dev.livecheck.machine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps the machine quiet for the tests whose verdict is a measurement (real-time figures, deadlines): such a test
 * holds the machine alone, every other livecheck test shares it. Within a JVM a fair read-write lock; across JVMs on
 * the same machine (the bug matrix's shards, a second run) a file lock, shared or exclusive, on
 * {@code <tmp>/livecheck-machine.lock}. A test that holds a share already (a suite run inside a test) takes nothing more.
 *
 * <p>Why not a smaller number of classes at once: measured here, a real-time test lost its full resolution for its
 * whole 20 s window when another class started its browsers 2 s before it joined; every other test held its verdict
 * two classes at once (490 runs). So only the measured ones wait for the machine, the rest keep their speed.
 */
public final class QuietMachine {
    private static final ReentrantReadWriteLock LOCK = new ReentrantReadWriteLock(true);
    private static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "livecheck-machine.lock");
    private static final ThreadLocal<Integer> HELD = ThreadLocal.withInitial(() -> 0);
    private static final Object FILE_GUARD = new Object();
    private static FileChannel channel;
    private static FileLock shared;
    private static int sharers;

    /** What a test holds until it ends. */
    public interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    private QuietMachine() {
    }

    /** For a test that measures: waits until no other livecheck test runs on the machine, then keeps it so. */
    public static Hold alone() {
        if (HELD.get() > 0) {
            return nested();
        }
        LOCK.writeLock().lock();
        FileLock exclusive;
        try {
            exclusive = fileLock(false);
        } catch (RuntimeException e) {
            LOCK.writeLock().unlock();
            throw e;
        }
        HELD.set(1);
        return () -> {
            HELD.set(0);
            release(exclusive);
            LOCK.writeLock().unlock();
        };
    }

    /** For every other test: runs beside others, never beside a test that measures. */
    public static Hold shared() {
        if (HELD.get() > 0) {
            return nested();
        }
        LOCK.readLock().lock();
        try {
            synchronized (FILE_GUARD) {
                if (sharers++ == 0) {
                    shared = fileLock(true);
                }
            }
        } catch (RuntimeException e) {
            synchronized (FILE_GUARD) {
                sharers--;
            }
            LOCK.readLock().unlock();
            throw e;
        }
        HELD.set(1);
        return () -> {
            HELD.set(0);
            synchronized (FILE_GUARD) {
                if (--sharers == 0) {
                    release(shared);
                    shared = null;
                }
            }
            LOCK.readLock().unlock();
        };
    }

    private static Hold nested() {
        HELD.set(HELD.get() + 1);
        return () -> HELD.set(HELD.get() - 1);
    }

    /** Blocks until the other JVMs let go; null where the file can't be locked (then only this JVM is kept quiet). */
    private static FileLock fileLock(boolean share) {
        try {
            synchronized (FILE_GUARD) {
                if (channel == null || !channel.isOpen()) {
                    channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
                }
            }
            return channel.lock(0, Long.MAX_VALUE, share);
        } catch (IOException e) {
            return null;
        }
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
