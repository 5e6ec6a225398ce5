package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livecheck.redact.Redactor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The release gate over several runs of one checklist, a run per browser pair (the troubleshooting guide's "try
 * Chrome and Firefox"): each pair judged as a run of its own — its checklist, verdict and quality report in a folder
 * named after the pair — and one checklist above them, an item ticked only when it passed on every pair, the pairs
 * where it did not named on its line. The release needs every pair.
 */
final class PairsGate {

    /** One browser pair's run, judged. */
    record Pair(String browsers, String folder, ReleaseGate.Judged judged) {
        Verdict verdict() {
            return judged.verdict();
        }
    }

    private PairsGate() {
    }

    static ReleaseGate.Outcome judge(GateArguments arguments, Checklist checklist, ObjectMapper mapper, PrintStream out, PrintStream lines)
            throws GateInputException {
        List<Pair> pairs = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path results : arguments.resultsFolders()) {
            if (!Files.isDirectory(results)) {
                throw new GateInputException("results folder " + results + " does not exist — run the checklist on that browser pair first"
                        + " (mvn verify -Dlivecheck.browsers=…), or leave it out");
            }
        }
        for (Path results : arguments.resultsFolders()) {
            String browsers = RunIdentity.browsers(results).orElseThrow(() -> new GateInputException("results folder " + results
                    + " does not say which browsers ran it (no Browsers line in its " + RunIdentity.ENVIRONMENT_FILE + "): give the gate"
                    + " results livecheck wrote (mvn verify -Dlivecheck.browsers=…), or judge the folder on its own"));
            Path other = seen.putIfAbsent(browsers, results);
            if (other != null) {
                throw new GateInputException("results folders " + other + " and " + results + " are both runs on " + browsers
                        + ": give one run per browser pair");
            }
            String folder = browsers.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            pairs.add(new Pair(browsers, folder, ReleaseGate.judgeRun(results, checklist, arguments.out().resolve(folder), null, mapper)));
        }
        boolean passed = pairs.stream().allMatch(p -> p.verdict().passed());
        String summary = summary(pairs, passed);
        write(arguments.out(), checklist, pairs, passed, summary, mapper);

        out.println(summary);
        pairs.forEach(p -> out.println("release gate: " + p.browsers() + ": " + p.verdict().summary().replaceFirst("^Release gate: ", "")));
        out.println("release gate: report in " + arguments.out().resolve(ReleaseGate.CHECKLIST_FILE));
        if (passed) {
            return new ReleaseGate.Outcome(ReleaseGate.PASSED, summary);
        }
        for (Pair pair : pairs) {
            BlockingLines.of(pair.verdict().blocking()).forEach(line -> lines.println("[" + pair.browsers() + "] " + line));
        }
        boolean onlyTheMachine = pairs.stream().filter(p -> !p.verdict().passed()).allMatch(p -> p.verdict().blockedOnlyByTheMachine());
        String machine = "release gate: BLOCKED by the machine, not the app — on " + blockedPairs(pairs)
                + ", only items inconclusive (environment): rerun with -Dlivecheck.concurrency=1 or on a larger machine";
        if (onlyTheMachine) {
            lines.println(machine);
        }
        return new ReleaseGate.Outcome(ReleaseGate.BLOCKED, onlyTheMachine ? machine : summary);
    }

    /** e.g. {@code Release gate: BLOCKED — 2 of 3 browser pairs passed (blocked: firefox)}. */
    static String summary(List<Pair> pairs, boolean passed) {
        long ok = pairs.stream().filter(p -> p.verdict().passed()).count();
        return "Release gate: " + (passed ? "PASSED" : "BLOCKED") + " — " + ok + " of " + pairs.size() + " browser pairs passed"
                + (passed ? "" : " (blocked: " + blockedPairs(pairs) + ")");
    }

    private static String blockedPairs(List<Pair> pairs) {
        return pairs.stream().filter(p -> !p.verdict().passed()).map(Pair::browsers).collect(Collectors.joining("; "));
    }

    /** The item's status over every pair: the worst, so an item passes only where it passed on each. */
    static ItemStatus combined(List<ItemVerdict> perPair) {
        return perPair.stream().map(ItemVerdict::status).reduce(ItemStatus.PASSED, ItemStatus::worse);
    }

    private static void write(Path outDir, Checklist checklist, List<Pair> pairs, boolean passed, String summary, ObjectMapper mapper)
            throws GateInputException {
        try {
            Files.createDirectories(outDir);
            String markdown = markdown(checklist, pairs, summary);
            Files.writeString(outDir.resolve(ReleaseGate.CHECKLIST_FILE), markdown, StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(ReleaseGate.CHECKLIST_HTML), ChecklistHtml.render(markdown), StandardCharsets.UTF_8);
            Files.writeString(outDir.resolve(ReleaseGate.VERDICT_FILE), mapper.writeValueAsString(json(checklist, pairs, passed, summary, mapper)) + "\n",
                    StandardCharsets.UTF_8);
            // a single run's quality report left in this folder would read as the pairs' own
            Files.deleteIfExists(outDir.resolve(ReleaseGate.QUALITY_FILE));
            Files.deleteIfExists(outDir.resolve(ReleaseGate.QUALITY_JSON));
        } catch (IOException e) {
            throw new GateInputException("cannot write the report to " + outDir + ": " + e.getMessage() + " — check --out points at a writable folder");
        }
    }

    private static String markdown(Checklist checklist, List<Pair> pairs, String summary) {
        StringBuilder head = new StringBuilder(summary.replaceFirst("^(Release gate: \\w+)", "**$1**"))
                .append(" — an item is ticked when it passed on every pair");
        for (Pair pair : pairs) {
            head.append("\n\n**").append(pair.browsers()).append("**: ").append(pair.verdict().summary().replaceFirst("^Release gate: ", ""))
                    .append(" — [its checklist and evidence](").append(pair.folder()).append("/").append(ReleaseGate.CHECKLIST_FILE).append(")");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (ChecklistItem item : checklist.items()) {
            lines.put(item.id(), itemLine(item, pairs));
        }
        return checklist.render(head.toString(), lines);
    }

    private static String itemLine(ChecklistItem item, List<Pair> pairs) {
        List<ItemVerdict> perPair = pairs.stream().map(p -> verdictOf(p, item)).toList();
        ItemStatus status = combined(perPair);
        String box = status.releasable() ? (status == ItemStatus.NOT_APPLICABLE ? "[-]" : "[x]") : status == ItemStatus.INCONCLUSIVE ? "[?]" : "[ ]";
        Map<String, List<String>> byStatus = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            byStatus.computeIfAbsent(perPair.get(i).status().label(), s -> new ArrayList<>()).add(pairs.get(i).browsers());
        }
        String where = byStatus.size() == 1 ? byStatus.keySet().iterator().next() + " on every pair"
                : byStatus.entrySet().stream().map(e -> e.getKey() + " on " + String.join(", ", e.getValue())).collect(Collectors.joining("; "));
        StringBuilder line = new StringBuilder("- " + box + " " + item.id() + " " + item.title() + " — " + where);
        String prefix = item.id() + " " + item.title() + ": ";
        for (int i = 0; i < pairs.size(); i++) {
            ItemVerdict verdict = perPair.get(i);
            if (!verdict.status().releasable()) {
                String why = verdict.blockingLine();
                line.append("\n  - ").append(pairs.get(i).browsers()).append(": ").append(why.startsWith(prefix) ? why.substring(prefix.length()) : why);
            }
        }
        return Redactor.redact(line.toString());
    }

    private static ItemVerdict verdictOf(Pair pair, ChecklistItem item) {
        return pair.verdict().items().stream().filter(v -> v.item().id().equals(item.id())).findFirst()
                .orElseThrow(() -> new IllegalStateException("every pair is judged on the same checklist: " + item.id()));
    }

    private static ObjectNode json(Checklist checklist, List<Pair> pairs, boolean passed, String summary, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode().put("gate", passed ? "passed" : "blocked").put("summary", summary);
        ArrayNode pairArray = root.putArray("pairs");
        for (Pair pair : pairs) {
            pairArray.addObject().put("browsers", pair.browsers()).put("gate", pair.verdict().passed() ? "passed" : "blocked")
                    .put("summary", pair.verdict().summary()).put("verdict", pair.folder() + "/" + ReleaseGate.VERDICT_FILE)
                    .set("run", pair.judged().json().get("run"));
        }
        ArrayNode items = root.putArray("items");
        for (ChecklistItem item : checklist.items()) {
            List<ItemVerdict> perPair = pairs.stream().map(p -> verdictOf(p, item)).toList();
            ObjectNode node = items.addObject().put("id", item.id()).put("title", item.title()).put("section", item.section())
                    .put("status", combined(perPair).label());
            ObjectNode byPair = node.putObject("pairs");
            for (int i = 0; i < pairs.size(); i++) {
                byPair.put(pairs.get(i).browsers(), perPair.get(i).status().label());
            }
        }
        return root;
    }
}
