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

    /**
     * Asks the process and every process under it to stop, insists after 10 s, and forgets it. The children are taken
     * before asking: a shell ({@code sh -c}, an app's start command) may exit at once and leave its child running.
     */
    public static void stop(Process process) {
        java.util.List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            boolean stopped = process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            for (ProcessHandle child : children) {
                long left = Math.max(0, deadline - System.nanoTime());
                try {
                    child.onExit().get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    stopped = false;
                }
            }
            if (!stopped) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        untrack(process);
    }
}
