package dev.livecheck.machine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine did during one test, second by second, and whose work it was ({@link Attribution}): this test's
 * browsers, the rest of livecheck, other livecheck tests, other programs, the hypervisor. It answers the one question a
 * verdict needs — was the machine busy with something that was not this test? — by a rule written down in
 * {@link #overload}.
 */
public final class MachineLoad {
    /** One second: CPU in cores by owner, the machine's busy and stolen cores, the run queue and free memory. */
    public record Second(Instant at, double seconds, Map<Attribution.Owner, Double> cores, double busy, double steal, int runnable,
                         long memAvailableKb) {
        double foreign(boolean countOtherTests) {
            return cores.getOrDefault(Attribution.Owner.OTHER_PROGRAMS, 0.0) + steal
                    + (countOtherTests ? cores.getOrDefault(Attribution.Owner.OTHER_TESTS, 0.0) : 0.0);
        }
    }

    /** Other work averaging this much over the test is enough to slow a call on a small machine. */
    public static final double FOREIGN_AVERAGE_CORES = 0.5;
    /** Or this much over any 3 s: a browser starting, a build, a busy loop — WebRTC adapts down and recovers slowly. */
    static final double FOREIGN_PEAK_CORES = 1.0;
    static final int PEAK_SECONDS = 3;
    /** Less free memory than this: the kernel reclaims and swaps, and every process stalls. */
    static final long LOW_MEMORY_KB = 512L * 1024;
    /** livecheck's own sampler ran this late: the JVM itself was starved of CPU. */
    static final double SAMPLER_LATE_SECONDS = 3.0;

    private final int cores;
    private final List<Second> seconds;
    private final Instant from;

    private MachineLoad(int cores, List<Second> seconds, Instant from) {
        this.cores = cores;
        this.seconds = List.copyOf(seconds);
        this.from = from;
    }

    /** The machine from {@code from} to {@code to}, attributed for a test whose browsers use these profile folders. */
    public static Optional<MachineLoad> of(Instant from, Instant to, Collection<String> testProfiles) {
        return MachineSampler.running().map(sampler -> {
            Attribution who = new Attribution(sampler.processes(), testProfiles, LivecheckJvms.alive());
            List<Second> out = new ArrayList<>();
            for (MachineSampler.Sample s : sampler.between(from, to)) {
                Map<Attribution.Owner, Double> byOwner = new EnumMap<>(Attribution.Owner.class);
                s.coresByPid().forEach((pid, c) -> byOwner.merge(who.of(pid), c, Double::sum));
                out.add(new Second(s.at(), s.seconds(), byOwner, s.busyCores(), s.stealCores(), s.runnable(), s.memAvailableKb()));
            }
            return new MachineLoad(sampler.cores(), out, from);
        });
    }

    static MachineLoad of(int cores, List<Second> seconds, Instant from) {
        return new MachineLoad(cores, seconds, from);
    }

    public List<Second> seconds() {
        return seconds;
    }

    double average(Attribution.Owner owner) {
        return average(seconds, owner);
    }

    double averageBusy() {
        return seconds.stream().mapToDouble(Second::busy).average().orElse(0);
    }

    double averageSteal() {
        return seconds.stream().mapToDouble(Second::steal).average().orElse(0);
    }

    /**
     * The rule: the machine was busy with something that was not this test when, over the test, other programs and
     * the hypervisor's steal (and, for a test that needs a quiet machine, other livecheck tests' browsers) took at least
     * {@value #FOREIGN_AVERAGE_CORES} core on average or {@value #FOREIGN_PEAK_CORES} core over any {@value #PEAK_SECONDS} s;
     * or free memory fell under 512 MiB; or livecheck's own once-a-second sampler ran {@value #SAMPLER_LATE_SECONDS} s
     * late. Empty when none held: whatever failed, failed on a machine that had room for it.
     */
    public Optional<String> overload(boolean countOtherTests) {
        List<String> why = new ArrayList<>();
        double average = seconds.stream().mapToDouble(s -> s.foreign(countOtherTests)).average().orElse(0);
        String whose = countOtherTests ? "other programs, other livecheck tests and the hypervisor" : "other programs and the hypervisor";
        int peakStart = peakStart(countOtherTests);
        List<Second> peak = peakStart < 0 ? List.of() : seconds.subList(peakStart, peakStart + PEAK_SECONDS);
        double peakCores = peak.stream().mapToDouble(s -> s.foreign(countOtherTests)).average().orElse(0);
        if (average >= FOREIGN_AVERAGE_CORES) {
            why.add(String.format(Locale.ROOT, "%s took %.2f of %d cores on average%s", whose, average, cores, breakdown(seconds, countOtherTests)));
        } else if (peakCores >= FOREIGN_PEAK_CORES) {
            Second first = peak.get(0);
            double at = Duration.between(from, first.at()).toMillis() / 1000.0 - first.seconds();
            why.add(String.format(Locale.ROOT, "%s took %.2f of %d cores over %d s (+%.0f s)%s", whose, peakCores, cores, PEAK_SECONDS,
                    at, breakdown(peak, countOtherTests)));
        }
        long leastMemory = seconds.stream().mapToLong(Second::memAvailableKb).filter(kb -> kb >= 0).min().orElse(Long.MAX_VALUE);
        if (leastMemory < LOW_MEMORY_KB) {
            why.add(String.format(Locale.ROOT, "free memory fell to %d MiB", leastMemory / 1024));
        }
        double late = seconds.stream().mapToDouble(Second::seconds).max().orElse(0);
        if (late >= SAMPLER_LATE_SECONDS) {
            why.add(String.format(Locale.ROOT, "livecheck's own once-a-second sampler ran %.1f s late", late));
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    private static String breakdown(List<Second> span, boolean countOtherTests) {
        List<String> parts = new ArrayList<>();
        addPart(parts, "other programs", average(span, Attribution.Owner.OTHER_PROGRAMS));
        if (countOtherTests) {
            addPart(parts, "other tests' browsers", average(span, Attribution.Owner.OTHER_TESTS));
        }
        addPart(parts, "steal", span.stream().mapToDouble(Second::steal).average().orElse(0));
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static double average(List<Second> span, Attribution.Owner owner) {
        return span.stream().mapToDouble(s -> s.cores().getOrDefault(owner, 0.0)).average().orElse(0);
    }

    private static void addPart(List<String> parts, String name, double cores) {
        if (cores >= 0.05) {
            parts.add(String.format(Locale.ROOT, "%s %.2f", name, cores));
        }
    }

    /** Where the busiest {@value #PEAK_SECONDS} s of others' work begin; -1 when the span is shorter. */
    private int peakStart(boolean countOtherTests) {
        int best = -1;
        double most = -1;
        for (int i = 0; i + PEAK_SECONDS <= seconds.size(); i++) {
            double sum = 0;
            for (int j = i; j < i + PEAK_SECONDS; j++) {
                sum += seconds.get(j).foreign(countOtherTests);
            }
            if (sum > most) {
                most = sum;
                best = i;
            }
        }
        return best;
    }

    /** A stretch of seconds when the machine was nearly full, or busy with others' work: one line for a timeline. */
    public record Episode(Instant at, String text) {
    }

    /** Busy at least 90 %, or others (programs, tests, steal) at 0.5 core or more: each stretch of such seconds, summed up. */
    public List<Episode> episodes() {
        List<Episode> out = new ArrayList<>();
        int i = 0;
        while (i < seconds.size()) {
            if (!notable(seconds.get(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < seconds.size() && notable(seconds.get(end + 1))) {
                end++;
            }
            List<Second> run = seconds.subList(i, end + 1);
            double busy = run.stream().mapToDouble(Second::busy).max().orElse(0);
            out.add(new Episode(run.get(0).at().minusMillis((long) (run.get(0).seconds() * 1000)), String.format(Locale.ROOT,
                    "busy up to %.0f %% for %d s — at most: this test's browsers %.2f, livecheck %.2f, other tests' browsers %.2f, other programs %.2f, steal %.2f cores",
                    100 * busy / Math.max(1, cores), run.size(), max(run, Attribution.Owner.TEST), max(run, Attribution.Owner.LIVECHECK),
                    max(run, Attribution.Owner.OTHER_TESTS), max(run, Attribution.Owner.OTHER_PROGRAMS),
                    run.stream().mapToDouble(Second::steal).max().orElse(0))));
            i = end + 1;
        }
        return out;
    }

    private boolean notable(Second s) {
        return s.busy() >= 0.9 * cores || s.foreign(true) >= FOREIGN_AVERAGE_CORES;
    }

    private static double max(List<Second> run, Attribution.Owner owner) {
        return run.stream().mapToDouble(s -> s.cores().getOrDefault(owner, 0.0)).max().orElse(0);
    }

    /** One line for the whole span: what the machine was busy with, on average. */
    public String summary() {
        return String.format(Locale.ROOT, "%d cores, busy %.0f %% on average: this test's browsers %.2f, livecheck %.2f, other tests' browsers %.2f, "
                        + "other programs %.2f, steal %.2f cores; least free memory %s; longest run queue %d", cores,
                100 * averageBusy() / Math.max(1, cores), average(Attribution.Owner.TEST), average(Attribution.Owner.LIVECHECK),
                average(Attribution.Owner.OTHER_TESTS), average(Attribution.Owner.OTHER_PROGRAMS), averageSteal(), memory(leastMemoryKb()),
                seconds.stream().mapToInt(Second::runnable).max().orElse(0));
    }

    private long leastMemoryKb() {
        return seconds.stream().mapToLong(Second::memAvailableKb).filter(kb -> kb >= 0).min().orElse(-1);
    }

    private static String memory(long kb) {
        return kb < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
    }

    /** Every second, from the test's start: the evidence behind the summary. */
    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "   time   busy  this test  livecheck  other tests  other programs  steal  run queue  free memory%n"));
        for (Second s : seconds) {
            out.append(String.format(Locale.ROOT, "%+6.1fs  %4.0f %%  %9.2f  %9.2f  %11.2f  %14.2f  %5.2f  %9d  %s%n",
                    Duration.between(from, s.at()).toMillis() / 1000.0, 100 * s.busy() / Math.max(1, cores),
                    s.cores().getOrDefault(Attribution.Owner.TEST, 0.0), s.cores().getOrDefault(Attribution.Owner.LIVECHECK, 0.0),
                    s.cores().getOrDefault(Attribution.Owner.OTHER_TESTS, 0.0), s.cores().getOrDefault(Attribution.Owner.OTHER_PROGRAMS, 0.0),
                    s.steal(), s.runnable(), memory(s.memAvailableKb())));
        }
        return out.toString();
    }
}
