package dev.livecheck.selftest;

import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** What this JVM has running: child processes, its labelled containers, listening TCP ports. */
record Leaks(Set<String> processes, Set<String> containers, Set<String> listening) {

    static Leaks now() {
        Set<String> processes = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().command().orElse("?")).collect(Collectors.toSet());
        Set<String> containers;
        try {
            containers = DockerClientFactory.instance().client().listContainersCmd()
                    .withLabelFilter(java.util.Map.of("livecheck.pid", Long.toString(ProcessHandle.current().pid()))).exec()
                    .stream().map(c -> c.getId().substring(0, 12) + " " + c.getImage()).collect(Collectors.toSet());
        } catch (RuntimeException noDocker) {
            containers = Set.of();
        }
        return new Leaks(processes, containers, listeningPorts());
    }

    /** Everything listed now that wasn't before: what a run left behind. */
    Leaks minus(Leaks before) {
        return new Leaks(without(processes, before.processes), without(containers, before.containers), without(listening, before.listening));
    }

    boolean isEmpty() {
        return processes.isEmpty() && containers.isEmpty() && listening.isEmpty();
    }

    private static Set<String> without(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toSet());
    }

    private static Set<String> listeningPorts() {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltn").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor();
            return out.lines().map(l -> l.trim().split("\\s+")).filter(f -> f.length >= 4).map(f -> f[3]).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
