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
}
