package dev.livecheck.selftest;

import dev.livecheck.gate.ReleaseGate;
import dev.livecheck.junit.RunRecorder;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.redact.Redactor;
import dev.livecheck.selftest.cases.LeakyFailureCase;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A run with failures, where the app's real LiveKit token is on the page, in the console (whole and cut short), in a
 * dialog, in an assertion and in an exception: every file the run writes — its console, the test reports (each failure
 * as Failsafe writes it: message and stack trace, causes included), the Allure results and attachments (the failure
 * timeline, frames, screenshots, console logs), the checklist, the verdict, the gate's own output and livecheck's work
 * folder — is scanned for the token, any piece of it, and the LiveKit API secret. None may hold one.
 */
@Tag("selftest")
@Isolated
class OutputScanIT {

    @Test
    void aFailingRunWritesNoTokenAnywhere(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("allure-results");
        Path reports = Files.createDirectories(dir.resolve("test-reports"));
        Path work = dir.resolve("livecheck");
        Path console = dir.resolve("console.log");
        LeakyFailureCase.SEEN.clear();

        List<SuiteRunner.Outcome> outcomes;
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (OutputStream file = new FileOutputStream(console.toFile())) {
            System.setOut(new PrintStream(new Tee(out, file), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(err, file), true, StandardCharsets.UTF_8));
            outcomes = SuiteRunner.run(List.of(selectClass(LeakyFailureCase.class)), m -> true, Map.of("livecheck.work", work.toString()),
                    new AllureJunitPlatform(new AllureLifecycle(new FileSystemResultsWriter(results))), RunRecorder.into(results), failsafeLike(reports));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        Path gate = dir.resolve("gate");
        int code;
        try (PrintStream gateOut = new PrintStream(Files.newOutputStream(dir.resolve("gate-console.txt")), true, StandardCharsets.UTF_8)) {
            code = ReleaseGate.run(new String[] {"--results", results.toString(), "--checklist", "testdata/checklist.md", "--out", gate.toString()},
                    gateOut, gateOut);
        }

        assertThat(outcomes).as("the scenario's tests: %s", outcomes).hasSize(3).noneMatch(SuiteRunner.Outcome::passed);
        assertThat(code).as("the gate over the run (%s)", Redactor.redact(Files.readString(dir.resolve("gate-console.txt")))).isEqualTo(1);
        assertThat(LeakyFailureCase.SEEN).as("the real tokens the pages were given").isNotEmpty();
        List<String> pieces = new ArrayList<>();
        for (String token : LeakyFailureCase.SEEN) {
            String[] parts = token.split("\\.");
            pieces.addAll(List.of(parts[0] + "." + parts[1].substring(0, 12), parts[1].substring(0, 24), parts[2]));
        }
        List<String> leaks = new ArrayList<>();
        int files = 0;
        for (Path root : List.of(results, reports, work, gate, console, dir.resolve("gate-console.txt"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    Redactor.leaksIn(text).forEach(leak -> leaks.add(dir.relativize(f) + ": " + leak));
                    pieces.stream().filter(text::contains).forEach(p -> leaks.add(dir.relativize(f) + ": a piece of the token (" + p.length() + " chars)"));
                }
            }
        }
        System.out.println("[selftest] scanned " + files + " files the failing run wrote: " + leaks.size() + " leaks");
        assertThat(leaks).as("tokens or secrets in the %d files the run wrote", files).isEmpty();
        assertThat(Files.readString(console)).as("the run's console").contains("[livecheck]");
        try (Stream<Path> written = Files.list(reports)) {
            assertThat(written.count()).as("test reports").isEqualTo(3);
        }
        String checklist = Files.readString(gate.resolve("checklist.md"));
        checklist.lines().filter(l -> l.matches("- \\[ ] D-0[136] .*")).forEach(l -> System.out.println("[selftest] " + l));
        assertThat(checklist).contains("- [ ] D-01", "<redacted-jwt>", "the provider's page shows something it never will: not within 3 seconds — last seen: provider: ");
        try (Stream<Path> timelines = Files.list(results)) {
            assertThat(timelines.filter(f -> f.toString().endsWith(".txt")).count()).as("text attachments (timelines, console logs)").isPositive();
        }
    }

    /** Each finished test as Failsafe's report has it: its status, its message and its stack trace, causes included. */
    private static TestExecutionListener failsafeLike(Path reports) {
        return new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (!test.isTest()) {
                    return;
                }
                try (PrintStream report = new PrintStream(Files.newOutputStream(reports.resolve(test.getDisplayName().replaceAll("\\W+", "_") + ".txt")),
                        true, StandardCharsets.UTF_8)) {
                    report.println(test.getDisplayName() + ": " + result.getStatus());
                    result.getThrowable().ifPresent(t -> t.printStackTrace(report));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
    }

    /** Writes to both: the console stays visible and is kept for the scan. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
