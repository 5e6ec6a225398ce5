package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The release gate: ticks the manual checklist from the Allure results of the checklist tests and
 * blocks the release unless every item passed. Writes {@code checklist.md} (and the same as {@code checklist.html}),
 * its evidence linked — into the HTML report given as {@code --report}, else to the result files — and
 * {@code verdict.json}, with the run's identity, to the {@code --out} folder.
 *
 * <p>Exit codes from {@link #run}: 0 passed (or not enforced), 1 blocked, 2 unusable input or usage.
 *
 * <p>{@link #main} never calls System.exit by default: Maven runs it inside Maven's own JVM through
 * exec:java, where exiting would kill Maven. It throws {@link GateFailedException} carrying the one-line summary
 * instead (after the per-item lines went to stderr), which fails the build with that message; a
 * plain {@code java} launch then exits 1 for any non-zero code. From a shell (scripts/gate), set
 * {@code -Dlivecheck.gate.exit=true} to get the exit code itself and no stack trace.
 */
public final class ReleaseGate {

    static final int PASSED = 0;
    static final int BLOCKED = 1;
    static final int INPUT_ERROR = 2;

    static final String CHECKLIST_FILE = "checklist.md";
    static final String CHECKLIST_HTML = "checklist.html";
    static final String VERDICT_FILE = "verdict.json";
    static final String QUALITY_FILE = "quality.md";
    static final String QUALITY_JSON = "quality.json";

    record Outcome(int exitCode, String summary) {
    }

    private ReleaseGate() {
    }

    public static void main(String[] args) {
        Outcome outcome = execute(args, System.out, System.err);
        System.out.flush();
        System.err.flush();
        if (outcome.exitCode() != PASSED && Boolean.getBoolean("livecheck.gate.exit")) {
            System.exit(outcome.exitCode());
        }
        if (outcome.exitCode() != PASSED) {
            throw new GateFailedException(outcome.exitCode(), outcome.summary());
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err).exitCode();
    }

    private static Outcome execute(String[] args, PrintStream out, PrintStream err) {
        GateArguments arguments;
        try {
            arguments = GateArguments.parse(args);
        } catch (GateArguments.UsageException e) {
            err.println("release gate: " + e.getMessage());
            err.println(GateArguments.USAGE);
            return new Outcome(INPUT_ERROR, "release gate: " + e.getMessage());
        }
        if (arguments.help()) {
            out.println(GateArguments.USAGE);
            return new Outcome(PASSED, "");
        }
        try {
            return judge(arguments, out, err);
        } catch (GateInputException e) {
            // A verdict left over from an earlier run must not pass for this one.
            deleteStaleOutputs(arguments.out());
            err.println("release gate: " + e.getMessage());
            return new Outcome(INPUT_ERROR, "release gate: " + e.getMessage());
        }
    }

    /** One run judged and its reports written to {@code outDir}. */
    record Judged(Verdict verdict, String runId, ObjectNode json) {
    }

    private static Outcome judge(GateArguments arguments, PrintStream out, PrintStream err)
            throws GateInputException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Checklist checklist = arguments.checklist() == null ? Checklist.builtIn() : Checklist.read(arguments.checklist());
        if (arguments.resultsFolders().size() > 1) {
            Outcome outcome = PairsGate.judge(arguments, checklist, mapper, out, arguments.enforce() ? err : out);
            if (outcome.exitCode() == BLOCKED && !arguments.enforce()) {
                out.println("release gate: not enforced (--enforce=false), exiting 0");
                return new Outcome(PASSED, outcome.summary());
            }
            return outcome;
        }
        Judged judged = judgeRun(arguments.results(), checklist, arguments.out(), arguments.report(), mapper);
        Verdict verdict = judged.verdict();
        out.println(verdict.summary());
        if (verdict.staleResults() > 0) {
            out.println("release gate: " + verdict.staleResults() + " checklist result(s) of another run in " + arguments.results()
                    + " not counted (this run: " + judged.runId() + ")");
        }
        out.println("release gate: report in " + arguments.out().resolve(CHECKLIST_FILE));
        if (verdict.passed()) {
            return new Outcome(PASSED, verdict.summary());
        }
        String summary = verdict.blockedOnlyByTheMachine() ? verdict.machineLine() : verdict.summary();
        PrintStream lines = arguments.enforce() ? err : out;
        BlockingLines.of(verdict.blocking()).forEach(lines::println);
        if (verdict.blockedOnlyByTheMachine()) {
            lines.println(verdict.machineLine());
        }
        if (!arguments.enforce()) {
            out.println("release gate: not enforced (--enforce=false), exiting 0");
            return new Outcome(PASSED, summary);
        }
        return new Outcome(BLOCKED, summary);
    }

    /** Judges one run's results folder against the checklist and writes its checklist, verdict and quality reports to {@code outDir}. */
    static Judged judgeRun(Path resultsDir, Checklist checklist, Path outDir, Path report, ObjectMapper mapper) throws GateInputException {
        List<TestResult> results = new ResultsFolder(mapper).read(resultsDir);
        boolean anyChecklistResult = results.stream().anyMatch(r -> !r.checklistIds().isEmpty());
        RunRecord record = RunRecord.read(resultsDir).or(() -> anyChecklistResult ? java.util.Optional.empty()
                // a run of no checklist test (a self-test alone): nothing ran, every item is missing
                : java.util.Optional.of(new RunRecord(RunRecord.NO_CHECKLIST_RUN, null, null, null, List.of())))
                .orElseThrow(() -> new GateInputException("results folder " + resultsDir
                + " has no " + RunRecord.FILE + ", the run's record of which tests it expected: the results were not written by a livecheck run"
                + " (its JUnit listener writes it), or the run died before it started — rerun the checklist (mvn verify)"));
        Verdict verdict = Verdict.of(checklist, results, record);
        List<TestResult> thisRun = results.stream().filter(r -> record.runId().equals(r.runId())).toList();
        EvidenceLinks links = report == null ? EvidenceLinks.toResults(outDir, resultsDir)
                : EvidenceLinks.toReport(outDir, resultsDir, report, ReportIndex.read(report));
        ObjectNode verdictJson = verdict.toJson(mapper);
        verdictJson.set("run", RunIdentity.of(resultsDir, thisRun).toJson(mapper).put("id", record.runId()));
        writeReports(outDir, verdict.renderChecklist(checklist, links), verdict, verdictJson, mapper);
        return new Judged(verdict, record.runId(), verdictJson);
    }

    private static void writeReports(Path outDir, String checklistMarkdown, Verdict verdict, ObjectNode verdictJson, ObjectMapper mapper)
            throws GateInputException {
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve(CHECKLIST_FILE), checklistMarkdown, StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(CHECKLIST_HTML), ChecklistHtml.render(checklistMarkdown), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(VERDICT_FILE), mapper.writeValueAsString(verdictJson) + "\n",
                    StandardCharsets.UTF_8);
            List<ItemVerdict> measured = verdict.items().stream().filter(i -> !i.figures().isEmpty()).toList();
            Files.deleteIfExists(outDir.resolve(QUALITY_FILE));
            Files.deleteIfExists(outDir.resolve(QUALITY_JSON));
            if (!measured.isEmpty()) {
                Files.writeString(outDir.resolve(QUALITY_FILE), QualityReport.markdown(measured), StandardCharsets.UTF_8);
                Files.writeString(outDir.resolve(QUALITY_JSON), mapper.writeValueAsString(QualityReport.json(measured, mapper)) + "\n",
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new GateInputException("cannot write the report to " + outDir + ": " + e.getMessage()
                    + " — check --out points at a writable folder");
        }
    }

    static void deleteStaleOutputs(Path outDir) {
        for (String file : List.of(CHECKLIST_FILE, CHECKLIST_HTML, VERDICT_FILE, QUALITY_FILE, QUALITY_JSON)) {
            try {
                Files.deleteIfExists(outDir.resolve(file));
            } catch (IOException ignored) {
                // Best effort: the non-zero exit code already blocks the release.
            }
        }
    }
}
