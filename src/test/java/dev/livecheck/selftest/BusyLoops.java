package dev.livecheck.selftest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy loops that pin cores, started as another program would be: detached from this JVM (their shell exits and
 * they are re-parented), so livecheck counts their CPU as some other program's, not its own. Stopped on close, and by
 * a shutdown hook should the test never get there.
 */
final class BusyLoops implements AutoCloseable {
    private final List<ProcessHandle> loops = new ArrayList<>();
    private final Thread hook = new Thread(this::stop, "livecheck-busy-loops-stop");

    private BusyLoops() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static BusyLoops start(int count) {
        BusyLoops busy = new BusyLoops();
        try {
            for (int i = 0; i < count; i++) {
                Process shell = new ProcessBuilder("bash", "-c", "sh -c 'while :; do :; done' </dev/null >/dev/null 2>&1 & echo $!").start();
                String pid = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                shell.waitFor();
                busy.loops.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow(() -> new IllegalStateException("busy loop " + pid + " did not start")));
            }
        } catch (IOException | RuntimeException e) {
            busy.close();
            throw new IllegalStateException("could not start busy loops: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            busy.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting busy loops", e);
        }
        return busy;
    }

    boolean allRunning() {
        return loops.stream().allMatch(ProcessHandle::isAlive);
    }

    List<ProcessHandle> processes() {
        return List.copyOf(loops);
    }

    private void stop() {
        loops.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
