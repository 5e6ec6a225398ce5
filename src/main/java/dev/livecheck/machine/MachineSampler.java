package dev.livecheck.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the whole machine once a second, for as long as the JVM runs tests: how busy the CPU was, how much of it
 * each process used, the hypervisor's steal, the run queue and free memory. One sampler per JVM, on a daemon thread;
 * a test reads the samples of its own span afterwards ({@link MachineLoad}). Off where there is no /proc (not Linux)
 * or with {@code livecheck.machine=false}: the run then says the machine was not measured.
 *
 * <p>Its own cost, measured here: about 250 small /proc reads a second, a few milliseconds of one core.
 */
public final class MachineSampler {
    /** One second of the machine. CPU figures are in cores (1.0 = one core busy for the whole interval). */
    public record Sample(Instant at, double seconds, double busyCores, double stealCores, int runnable, long memAvailableKb,
                         Map<Long, Double> coresByPid) {
    }

    /** A process the sampler has seen (kept a while after it ends, so a test can still tell whose its CPU was). */
    public record Known(long pid, long ppid, String comm, String cmdline, long startTicks) {
    }

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration KEPT = Duration.ofMinutes(15);
    private static final int CMDLINE_CHARS = 600;
    private static volatile MachineSampler instance;

    private final long hz = ProcStat.ticksPerSecond();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastSeen = new ConcurrentHashMap<>();
    private Map<Long, ProcStat.Proc> previous = new HashMap<>();
    private ProcStat.Cpu previousCpu;
    private Instant previousAt;

    private MachineSampler() {
    }

    /** The JVM's sampler, started on first use; empty where the machine can't be measured. */
    public static Optional<MachineSampler> running() {
        if (!ProcStat.available() || !dev.livecheck.config.Settings.fromSystem().getBoolean("livecheck.machine", true)) {
            return Optional.empty();
        }
        MachineSampler s = instance;
        if (s == null) {
            synchronized (MachineSampler.class) {
                if (instance == null) {
                    MachineSampler started = new MachineSampler();
                    LivecheckJvms.registerThisJvm();
                    started.sample();
                    java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "livecheck-machine-sampler");
                        t.setDaemon(true);
                        return t;
                    }).scheduleAtFixedRate(started::sampleQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    instance = started;
                }
                s = instance;
            }
        }
        return Optional.of(s);
    }

    public int cores() {
        return cores;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a sample lost is a second unmeasured, never a test's failure
        }
    }

    private synchronized void sample() {
        Instant now = Instant.now();
        Optional<ProcStat.Cpu> cpu = ProcStat.cpu();
        Map<Long, ProcStat.Proc> current = new HashMap<>();
        Map<Long, Double> byPid = new HashMap<>();
        double seconds = previousAt == null ? 0 : Duration.between(previousAt, now).toMillis() / 1000.0;
        for (long pid : ProcStat.pids()) {
            Optional<ProcStat.Proc> proc = ProcStat.proc(pid);
            if (proc.isEmpty()) {
                continue;
            }
            ProcStat.Proc p = proc.get();
            current.put(pid, p);
            Known k = known.get(pid);
            if (k == null || k.startTicks() != p.startTicks()) {
                known.put(pid, new Known(pid, p.ppid(), p.comm(), ProcStat.cmdline(pid, CMDLINE_CHARS), p.startTicks()));
            }
            lastSeen.put(pid, now);
            ProcStat.Proc before = previous.get(pid);
            long ticks = before != null && before.startTicks() == p.startTicks() ? p.ticks() - before.ticks() : 0;
            if (ticks > 0 && seconds > 0) {
                byPid.put(pid, ticks / (double) hz / seconds);
            }
        }
        if (cpu.isPresent() && previousCpu != null && seconds > 0) {
            ProcStat.Cpu c = cpu.get();
            double total = c.total() - previousCpu.total();
            double perCore = total <= 0 ? 1 : total / cores; // ticks one core had in the interval
            Sample sample = new Sample(now, seconds, (c.busy() - previousCpu.busy()) / perCore, (c.steal() - previousCpu.steal()) / perCore,
                    c.runnable(), ProcStat.memAvailableKb(), Map.copyOf(byPid));
            samples.addLast(sample);
        }
        previous = current;
        previousCpu = cpu.orElse(null);
        previousAt = now;
        Instant horizon = now.minus(KEPT);
        while (!samples.isEmpty() && samples.peekFirst().at().isBefore(horizon)) {
            samples.removeFirst();
        }
        lastSeen.entrySet().removeIf(e -> {
            boolean old = e.getValue().isBefore(horizon);
            if (old) {
                known.remove(e.getKey());
            }
            return old;
        });
    }

    /** The samples taken from {@code from} to {@code to} (each covers the second before its time). */
    public synchronized List<Sample> between(Instant from, Instant to) {
        List<Sample> out = new ArrayList<>();
        for (Sample s : samples) {
            Instant begins = s.at().minusMillis((long) (s.seconds() * 1000));
            if (s.at().isAfter(from) && begins.isBefore(to)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every process seen in the last minutes, by PID. */
    public Map<Long, Known> processes() {
        return Map.copyOf(known);
    }
}
