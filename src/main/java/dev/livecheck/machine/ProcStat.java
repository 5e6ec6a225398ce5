package dev.livecheck.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads what Linux says of the machine and its processes in {@code /proc}: CPU time spent (in clock ticks), the run
 * queue, free memory, and each process's parent, name, command line and CPU time. Everything here is a plain parse of
 * text the kernel writes; a process that ends between the listing and the read is simply absent.
 */
final class ProcStat {
    static final Path PROC = Path.of("/proc");

    private ProcStat() {
    }

    /** The machine's CPU time, in ticks, summed over every core (the {@code cpu} line of /proc/stat). */
    record Cpu(long busy, long idle, long steal, int runnable) {
        long total() {
            return busy + idle + steal;
        }
    }

    /** One process as /proc/PID/stat has it: the start time tells a reused PID apart. */
    record Proc(long pid, long ppid, String comm, long ticks, long startTicks) {
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    /**
     * user nice system idle iowait irq softirq steal (guest time is already counted in user): idle and iowait are idle,
     * steal is time the hypervisor gave another machine, the rest is busy.
     */
    static Optional<Cpu> cpu() {
        return read(PROC.resolve("stat")).flatMap(ProcStat::parseCpu);
    }

    static Optional<Cpu> parseCpu(String text) {
        long busy = 0, idle = 0, steal = 0;
        int runnable = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long[] v = new long[9];
                for (int i = 1; i < f.length && i < v.length; i++) {
                    v[i] = parse(f[i]);
                }
                busy = v[1] + v[2] + v[3] + v[6] + v[7];
                idle = v[4] + v[5];
                steal = v[8];
                found = true;
            } else if (line.startsWith("procs_running ")) {
                runnable = (int) parse(line.substring("procs_running ".length()).trim());
            }
        }
        return found ? Optional.of(new Cpu(busy, idle, steal, runnable)) : Optional.empty();
    }

    /** MemAvailable, in KiB; -1 when unknown. */
    static long memAvailableKb() {
        return read(PROC.resolve("meminfo")).flatMap(text -> text.lines().filter(l -> l.startsWith("MemAvailable:")).findFirst())
                .map(l -> parse(l.replaceAll("[^0-9]", ""))).orElse(-1L);
    }

    /** The process's stat line, parsed after the command name (which may hold spaces and parentheses). */
    static Optional<Proc> proc(long pid) {
        return read(PROC.resolve(Long.toString(pid)).resolve("stat")).flatMap(line -> parseProc(pid, line));
    }

    static Optional<Proc> parseProc(long pid, String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] f = line.substring(close + 2).trim().split("\\s+");
        // after "pid (comm) ": state(0) ppid(1) ... utime(11) stime(12) ... starttime(19)
        if (f.length < 20) {
            return Optional.empty();
        }
        return Optional.of(new Proc(pid, parse(f[1]), line.substring(open + 1, close), parse(f[11]) + parse(f[12]), parse(f[19])));
    }

    /** The command line, arguments joined by spaces, at most {@code max} characters; empty for a kernel thread. */
    static String cmdline(long pid, int max) {
        try {
            byte[] bytes = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            String text = new String(bytes, 0, Math.min(bytes.length, max), StandardCharsets.UTF_8).replace('\0', ' ').trim();
            return text;
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    static long[] pids() {
        try (var listing = Files.list(PROC)) {
            return listing.map(p -> p.getFileName().toString()).filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).toArray();
        } catch (IOException e) {
            return new long[0];
        }
    }

    /** Clock ticks per second: 100 on every Linux build livecheck meets (USER_HZ), asked of getconf where it answers. */
    static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            long hz = Long.parseLong(out);
            return hz > 0 ? hz : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
