package dev.livecheck.gate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's own record, {@value #FILE} in its Allure results folder (Allure ignores it): the run's id, and every checklist
 * test the run was expected to have — from the compiled suites and the committed expectation — with whether this run
 * selected it, whether it is nightly-only, and what the run itself said about it (not applicable, with the profile's
 * reason and what was checked of it; passed only partially, with why). livecheck's JUnit listener writes it
 * ({@code dev.livecheck.junit.RunRecorder}); the gate reads it, so a gate over any results folder knows what should
 * have run. Every Allure result of the run carries the run's id as the label {@value #RUN_LABEL}: results of another
 * run in the same folder are not this run's evidence.
 *
 * @param expectation where the committed list of expected tests came from, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(String runId, String started, String finished, String expectation, List<Test> tests) {
    public static final String FILE = "livecheck-run.json";
    /** The Allure label carrying the run's id on every result of the run. */
    public static final String RUN_LABEL = "livecheckRun";
    /** The id of a run that had no checklist test (nothing recorded, nothing to count). */
    static final String NO_CHECKLIST_RUN = "no checklist test ran";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunRecord {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** The profile said the app lacks the feature; {@code checked}: what the run looked at to hold the claim against the app. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NotApplicableNote(String feature, String reason, String checked) {
    }

    /**
     * One expected test.
     *
     * @param test     {@code class.method}, as Allure's {@code fullName}
     * @param inCode   false: the committed expectation names it, the compiled suites do not (deleted or renamed)
     * @param selected this run's test plan had it (not filtered out by tags, -Dit.test, -Dgroups)
     * @param partial  why it could check only part of its item for this app, when it said so
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Test(String test, String name, List<String> items, boolean nightly, boolean inCode, boolean selected,
                       NotApplicableNote notApplicable, String partial) {
        public Test {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Test withNotApplicable(NotApplicableNote note) {
            return new Test(test, name, items, nightly, inCode, selected, note, partial);
        }

        public Test withPartial(String why) {
            return new Test(test, name, items, nightly, inCode, selected, notApplicable, why);
        }

        public Test selected(boolean isSelected) {
            return new Test(test, name, items, nightly, inCode, isSelected, notApplicable, partial);
        }
    }

    public Optional<Test> test(String key) {
        return tests.stream().filter(t -> t.test().equals(key)).findFirst();
    }

    public RunRecord withTests(List<Test> newTests) {
        return new RunRecord(runId, started, finished, expectation, newTests);
    }

    public RunRecord finishedAt(String time) {
        return new RunRecord(runId, started, time, expectation, tests);
    }

    /** The record in {@code folder}; empty when there is none. */
    public static Optional<RunRecord> read(Path folder) throws GateInputException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            RunRecord record = MAPPER.readValue(file.toFile(), RunRecord.class);
            if (record.runId() == null || record.runId().isBlank()) {
                throw new GateInputException(file + " names no runId — delete it and rerun the checklist");
            }
            return Optional.of(record);
        } catch (IOException e) {
            throw new GateInputException("unreadable run record " + file + ": " + e.getMessage().lines().findFirst().orElse("")
                    + " — delete it and rerun the checklist");
        }
    }

    /** Writes the record whole (a temporary file moved into place), so a reader never sees half of it. */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".livecheck-run", ".tmp");
        try {
            MAPPER.writeValue(temp.toFile(), this);
            Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Tests of both, by key; where both have a test, {@code later}'s wins but stays selected if either selected it. */
    public static List<Test> merge(List<Test> earlier, List<Test> later) {
        List<Test> merged = new ArrayList<>(earlier);
        for (Test t : later) {
            int at = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).test().equals(t.test())) {
                    at = i;
                }
            }
            if (at < 0) {
                merged.add(t);
            } else {
                Test before = merged.get(at);
                Test now = t.selected(t.selected() || before.selected());
                now = now.notApplicable() == null && before.notApplicable() != null ? now.withNotApplicable(before.notApplicable()) : now;
                merged.set(at, now.partial() == null && before.partial() != null ? now.withPartial(before.partial()) : now);
            }
        }
        return merged;
    }
}
