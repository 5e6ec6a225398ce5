package dev.livecheck.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills processes livecheck started if the JVM ends without closing them (Ctrl-C, a killed Maven): the ones
 * tracked here and every other child of this JVM (chromedriver and its Chromium are Selenium's children).
 */
public final class ProcessRegistry {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();

    private static final java.util.concurrent.atomic.AtomicBoolean REAPER = new java.util.concurrent.atomic.AtomicBoolean();

    private ProcessRegistry() {
    }

    /** Installs the shutdown hook (once); the Environment does this before it starts anything. */
    public static void installReaper() {
        if (!REAPER.compareAndSet(false, true)) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            PROCESSES.forEach(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }, "livecheck-process-reaper"));
    }

    public static void track(Process process) {
        installReaper();
        PROCESSES.add(process);
    }

    public static void untrack(Process process) {
        PROCESSES.remove(process);
    }

    /** Asks the process (and its children) to stop, insists after 10 s, and forgets it. */
    public static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        untrack(process);
    }
}
