package dev.livecheck.matrix;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.process.ProcessRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The matrix's jobs spread over N JVMs of their own, each with its own LiveKit and browsers, so the runs that
 * mostly wait (for a timeout, an outage, a page that never connects) overlap. Jobs are dealt longest first
 * to the shard with the least work; each shard writes what it found, and the matrix reads it all back.
 */
final class Shards {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shards() {
    }

    static Map<String, BugMatrix.JobResult> run(List<BugMatrix.Job> jobs, int count, Path out, String[] args) {
        List<List<BugMatrix.Job>> shards = deal(jobs, count);
        List<Process> processes = new ArrayList<>();
        List<Path> results = new ArrayList<>();
        try {
            for (int i = 0; i < shards.size(); i++) {
                if (shards.get(i).isEmpty()) {
                    continue;
                }
                Path dir = out.resolve("shard-" + (i + 1));
                Files.createDirectories(dir);
                Path result = dir.resolve("jobs.json");
                results.add(result);
                processes.add(start(shards.get(i), i + 1, dir, result, args));
                System.out.printf("[bug-matrix] shard %d: %s%n", i + 1, shards.get(i).stream().map(BugMatrix.Job::key).toList());
            }
            for (Process p : processes) {
                p.waitFor(3, TimeUnit.HOURS);
            }
            Map<String, BugMatrix.JobResult> merged = new LinkedHashMap<>();
            for (Path result : results) {
                if (!Files.isReadable(result)) {
                    throw new LivecheckException("a matrix shard wrote no results (" + result + "): see its output above");
                }
                merged.putAll(read(result));
            }
            return merged;
        } catch (IOException e) {
            throw new LivecheckException("matrix shards: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LivecheckException("matrix shards interrupted", e);
        } finally {
            processes.forEach(ProcessRegistry::stop);
        }
    }

    /** Longest first, each to the shard with the least work so far (a clean run counts its items too). */
    static List<List<BugMatrix.Job>> deal(List<BugMatrix.Job> jobs, int count) {
        List<List<BugMatrix.Job>> shards = new ArrayList<>();
        long[] load = new long[count];
        for (int i = 0; i < count; i++) {
            shards.add(new ArrayList<>());
        }
        jobs.stream().sorted(Comparator.comparingInt((BugMatrix.Job j) -> j.items().size()).reversed()).forEach(job -> {
            int least = 0;
            for (int i = 1; i < count; i++) {
                if (load[i] < load[least]) {
                    least = i;
                }
            }
            shards.get(least).add(job);
            load[least] += job.items().size();
        });
        // within a shard, a fixture app's clean run before its bugs, as when run alone
        shards.forEach(s -> s.sort(Comparator.comparing((BugMatrix.Job j) -> !j.isClean())));
        return shards;
    }

    private static Process start(List<BugMatrix.Job> jobs, int shard, Path dir, Path result, String[] args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        System.getProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("livecheck.") && !key.equals("livecheck.livekit.reuse")) {
                command.add("-D" + key + "=" + v);
            }
        });
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BugMatrix.class.getName()));
        for (String arg : args) {
            if (!arg.startsWith("--shards=") && !arg.startsWith("--out=") && !arg.startsWith("--bugs=")) {
                command.add(arg);
            }
        }
        command.add("--jobs=" + jobs.stream().map(BugMatrix.Job::key).collect(Collectors.joining(",")));
        command.add("--out=" + dir);
        command.add("--results-out=" + result);
        Process process = new ProcessBuilder(command).inheritIO().start();
        ProcessRegistry.track(process);
        return process;
    }

    static void write(Path file, Map<String, BugMatrix.JobResult> results) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), results);
    }

    static Map<String, BugMatrix.JobResult> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, BugMatrix.JobResult>>() { });
    }
}
