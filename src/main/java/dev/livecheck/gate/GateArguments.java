package dev.livecheck.gate;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line of {@link ReleaseGate}. A null checklist means the built-in one. Several {@code --results} folders are one
 * run each of the same checklist on another browser pair ({@link PairsGate}).
 */
record GateArguments(List<Path> resultsFolders, Path checklist, Path out, boolean enforce, boolean help, Path report) {

    static final String USAGE = """
            usage: ReleaseGate --results <allure-results dir> [--results <dir> ...] [--checklist <checklist.md>] --out <dir> [--enforce=<true|false>] [--report <allure-report dir>]
              --results        one run's results; several: one run per browser pair, the release needs every pair
              --checklist      default: livecheck's built-in checklist
              --report         link the evidence into this generated HTML report (scripts/report); default: to the result files
              --enforce=true   (default) exit 1 when any checklist item is not passed
              --enforce=false  report only, exit 0
            exit codes: 0 gate passed (or not enforced), 1 gate blocked, 2 unusable input or usage""";

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static GateArguments parse(String[] args) throws UsageException {
        List<Path> results = new java.util.ArrayList<>();
        Path checklist = null;
        Path out = null;
        Path report = null;
        boolean enforce = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (option) {
                case "--help", "-h" -> {
                    return new GateArguments(List.of(), null, null, enforce, true, null);
                }
                case "--enforce" -> enforce = parseBoolean(inlineValue == null ? "true" : inlineValue);
                case "--results", "--checklist", "--out", "--report" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(option + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (value.isBlank()) {
                        throw new UsageException(option + " needs a value");
                    }
                    Path path = Path.of(value);
                    switch (option) {
                        case "--results" -> results.add(path);
                        case "--checklist" -> checklist = path;
                        case "--report" -> report = path;
                        default -> out = path;
                    }
                }
                default -> throw new UsageException("unknown argument " + arg);
            }
        }
        if (results.isEmpty() || out == null) {
            throw new UsageException("--results and --out are required");
        }
        if (results.size() > 1 && report != null) {
            throw new UsageException("--report links one run's evidence: give it with one --results folder (a browser pair's own gate)");
        }
        if (results.stream().distinct().count() < results.size()) {
            throw new UsageException("the same --results folder is given twice");
        }
        return new GateArguments(List.copyOf(results), checklist, out, enforce, false, report);
    }

    /** The one results folder of a single run. */
    Path results() {
        return resultsFolders.get(0);
    }

    private static boolean parseBoolean(String value) throws UsageException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UsageException("--enforce must be true or false, not \"" + value + "\"");
        };
    }
}
