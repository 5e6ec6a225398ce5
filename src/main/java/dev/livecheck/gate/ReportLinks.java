package dev.livecheck.gate;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The step {@code scripts/report} runs once the HTML report is generated: keeps the report's history beside it for
 * the next report ({@code <report>/history}, which a single-file report holds only inside {@code index.html}), and
 * renders the checklist again from the same results, its evidence linked into the report
 * ({@code checklist.md} and {@code checklist.html}). The gate's verdict is not enforced here: that is the gate's job.
 *
 * <p>Usage: {@code ReportLinks --results <allure-results> --report <allure-report> --out <dir> [--checklist <checklist.md>]}
 */
public final class ReportLinks {
    private ReportLinks() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        GateArguments arguments;
        try {
            arguments = GateArguments.parse(args);
        } catch (GateArguments.UsageException e) {
            err.println("report links: " + e.getMessage());
            return ReleaseGate.INPUT_ERROR;
        }
        if (arguments.report() == null) {
            err.println("report links: --report <allure-report dir> is required");
            return ReleaseGate.INPUT_ERROR;
        }
        int kept;
        try {
            ReportIndex report = ReportIndex.read(arguments.report());
            kept = report.saveHistory(arguments.report().resolve("history"));
            out.println("report links: " + report.size() + " tests in " + arguments.report().resolve(ReportIndex.INDEX) + "; history kept ("
                    + kept + " files) for the next report");
        } catch (GateInputException e) {
            err.println("report links: " + e.getMessage());
            return ReleaseGate.INPUT_ERROR;
        }
        List<String> gate = new ArrayList<>(List.of("--results", arguments.results().toString(), "--out", arguments.out().toString(),
                "--report", arguments.report().toString(), "--enforce=false"));
        if (arguments.checklist() != null) {
            gate.addAll(List.of("--checklist", arguments.checklist().toString()));
        }
        // the gate's item-by-item lines were printed when it judged the run; here its summary is enough
        java.io.ByteArrayOutputStream verdict = new java.io.ByteArrayOutputStream();
        int code = ReleaseGate.run(gate.toArray(String[]::new), new PrintStream(verdict, true, java.nio.charset.StandardCharsets.UTF_8), err);
        verdict.toString(java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().ifPresent(out::println);
        if (code == 0) {
            out.println("report links: the checklist, linked into the report: " + arguments.out().resolve(ReleaseGate.CHECKLIST_HTML)
                    + " (and " + ReleaseGate.CHECKLIST_FILE + ")");
        }
        return code;
    }
}
