package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.Isolated;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.app.AppProcess;
import dev.livecheck.config.Settings;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.process.ProcessRegistry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * livecheck adopted without forking: the jars this build just packaged are installed, and examples/my-app-checklist
 * — a separate Maven project with its own profile and nothing else — runs livecheck's checklist (its diagnostics
 * section, to keep CI short) against an app livecheck did not start (Huddle, on a LiveKit of its own); then once more into the same
 * uncleared results, with a failing item and -Dlivecheck.gate.enforce=false: BUILD SUCCESS, a blocked verdict, old passes not counted.
 */
@Tag("selftest")
@Isolated
class ExampleProjectIT {
    private static final Path PROJECT = Path.of("examples/my-app-checklist").toAbsolutePath();

    @Test
    void theExampleProjectRunsTheChecklistAgainstAnAppUrl() throws Exception {
        installThisBuild();
        Settings settings = Settings.fromSystem();
        try (LiveKitServer livekit = LiveKitServers.start(settings.with("livecheck.livekit.mode", "binary"));
             AppProcess huddle = AppProcess.start(List.of("node", settings.get("livecheck.componentsApp.dir").orElseThrow() + "/server.mjs"), null,
                     Map.of("LIVEKIT_URL", livekit.wsUrl(), "LIVEKIT_API_KEY", livekit.credentials().apiKey(),
                             "LIVEKIT_API_SECRET", livekit.credentials().apiSecret()))) {
            Map<String, String> env = new HashMap<>();
            env.put("LIVEKIT_URL", livekit.wsUrl());
            env.put("LIVEKIT_API_KEY", livekit.credentials().apiKey());
            env.put("LIVEKIT_API_SECRET", livekit.credentials().apiSecret());
            Run run = maven(PROJECT, env, "verify", "-Dapp.url=" + huddle.url(), "-Dit.test=DiagnosticsIT", "-Dlivecheck.gate.enforce=false");
            assertThat(run.code()).as("mvn verify in examples/my-app-checklist:%n%s", run.tail()).isZero();

            Map<String, String> statuses = statuses();
            // Huddle is joined by URL and logs no participant lines: D-02 and D-04 check it only in part, and say so
            assertThat(statuses).as("the diagnostics section, through the example's own profile")
                    .containsEntry("D-01", "passed").containsEntry("D-02", "partial").containsEntry("D-03", "passed").containsEntry("D-04", "partial")
                    .containsEntry("D-05", "passed").containsEntry("D-06", "passed").containsEntry("D-07", "not applicable");

            // again, into the same uncleared results folder, one test, failing: the build still succeeds (the gate is not
            // enforced), the verdict is blocked, and the first run's passes are not this run's evidence
            Run failing = maven(PROJECT, env, "verify", "-Dapp.url=" + huddle.url(), "-Dit.test=DiagnosticsIT#identitiesCorrectlyFormatted",
                    "-Dlivecheck.gate.enforce=false", "-Dlivecheck.profile.conventions.identity.provider=someone-else__{random}");
            assertThat(failing.code()).as("mvn verify with a failing item and -Dlivecheck.gate.enforce=false:%n%s", failing.tail()).isZero();
            JsonNode verdict = new ObjectMapper().readTree(PROJECT.resolve("target/livecheck/verdict.json").toFile());
            assertThat(verdict.path("gate").asText()).isEqualTo("blocked");
            assertThat(statuses()).containsEntry("D-06", "failed").containsEntry("D-01", "missing").containsEntry("D-05", "missing");
            assertThat(verdict.path("staleResults").asInt()).as("the first run's results, not counted").isGreaterThanOrEqualTo(6);
        }
    }

    private static Map<String, String> statuses() throws IOException {
        JsonNode verdict = new ObjectMapper().readTree(PROJECT.resolve("target/livecheck/verdict.json").toFile());
        Map<String, String> statuses = new HashMap<>();
        verdict.path("items").forEach(item -> statuses.put(item.path("id").asText(), item.path("status").asText()));
        return statuses;
    }

    /** What {@code mvn install} would put in the local repository: this build's jar, its checklist suites and its pom. */
    private static void installThisBuild() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        String version = new String(Files.readAllBytes(Path.of("pom.xml")), StandardCharsets.UTF_8)
                .replaceAll("(?s).*?<artifactId>livecheck</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        Path jar = target.resolve("livecheck-" + version + ".jar");
        Path tests = target.resolve("livecheck-" + version + "-tests.jar");
        assertThat(jar).as("packaged before the integration tests").exists();
        assertThat(tests).exists();
        Path root = Path.of(".").toAbsolutePath();
        assertThat(maven(root, Map.of(), "install:install-file", "-Dfile=" + jar, "-DpomFile=pom.xml").code()).isZero();
        assertThat(maven(root, Map.of(), "install:install-file", "-Dfile=" + tests, "-DgroupId=dev.livecheck", "-DartifactId=livecheck",
                "-Dversion=" + version, "-Dpackaging=jar", "-Dclassifier=tests").code()).isZero();
    }

    private record Run(int code, String tail) {
    }

    private static Run maven(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp", "-q"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("livecheck-example-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LIVEKIT_") || k.startsWith("LIVECHECK_") || k.startsWith("MAVEN_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        ProcessRegistry.track(process);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                ProcessRegistry.stop(process);
                return new Run(-1, "timed out after 10 minutes");
            }
            List<String> lines = Files.readAllLines(log);
            return new Run(process.exitValue(), String.join(File.separator.equals("/") ? "\n" : "\r\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        } finally {
            ProcessRegistry.untrack(process);
            Files.deleteIfExists(log);
        }
    }
}
