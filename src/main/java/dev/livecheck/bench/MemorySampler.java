package dev.livecheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Peak resident memory of this JVM and every process it started (browsers, drivers, a LiveKit binary). */
final class MemorySampler implements AutoCloseable {
    private final AtomicLong peakKb = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    MemorySampler() {
        thread = new Thread(() -> {
            while (running) {
                long kb = rssKb(ProcessHandle.current()) + ProcessHandle.current().descendants().mapToLong(MemorySampler::rssKb).sum();
                peakKb.accumulateAndGet(kb, Math::max);
                try {
                    Thread.sleep(250); // a sampling period, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "livecheck-memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakMiB() {
        return peakKb.get() / 1024;
    }

    private static long rssKb(ProcessHandle p) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
