package dev.livecheck.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A three-item checklist, a results folder written by {@link AllureResults}, and the gate run over them. */
final class GateFixture {
    static final String CHECKLIST = """
            # Test checklist

            ## Provider
            - [ ] P-01 Login successfully
            - [ ] P-02 Find LIVE booking

            ## Errors
            - [ ] E-04 Network issues handled gracefully
            """;

    final AllureResults results;
    private final Path checklist;
    private final Path out;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    GateFixture(Path dir) throws IOException {
        checklist = dir.resolve("checklist.md");
        Files.writeString(checklist, CHECKLIST);
        out = dir.resolve("out");
        results = new AllureResults(dir.resolve("allure-results"));
    }

    /** P-01 and E-04 pass, each with one test. */
    GateFixture othersPass() throws IOException {
        results.result("app.ProviderIT.login", "passed").checks("P-01").write();
        results.result("app.ErrorsIT.network", "passed").checks("E-04").write();
        return this;
    }

    int gate(String... extra) {
        List<String> args = new ArrayList<>(List.of("--results", results.folder().toString(), "--checklist", checklist.toString(),
                "--out", out.toString()));
        args.addAll(List.of(extra));
        return ReleaseGate.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    String report() throws IOException {
        return Files.readString(out.resolve("checklist.md"));
    }

    String html() throws IOException {
        return Files.readString(out.resolve("checklist.html"));
    }

    JsonNode verdict() throws IOException {
        return new ObjectMapper().readTree(out.resolve("verdict.json").toFile());
    }

    JsonNode item(String id) throws IOException {
        for (JsonNode item : verdict().path("items")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in verdict.json");
    }

    Path out() {
        return out;
    }
}
