package dev.livecheck.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Kills processes livecheck started if the JVM ends without closing them (Ctrl-C, a crashed run). */
public final class ProcessRegistry {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "livecheck-process-reaper"));
    }

    private ProcessRegistry() {
    }

    public static void track(Process process) {
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
