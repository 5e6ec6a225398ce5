package dev.livecheck.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a generated Allure 2 HTML report holds: each test case's uid (its page is {@code index.html#testresult/<uid>})
 * and its attachments' uids (opened with {@code ?attachment=<uid>}), matched back to the Allure results they came
 * from. Reads a single-file report (every file inlined in {@code index.html} as {@code d('path','base64')}) or a
 * report folder ({@code data/test-cases/*.json}).
 */
public final class ReportIndex {
    static final String INDEX = "index.html";
    private static final Pattern INLINED = Pattern.compile("d\\('([^']++)','([^']*+)'\\)");

    /** One test case of the report; {@code attachmentUids}: the uids of its test body's attachments, by name, in order. */
    record Case(String uid, String historyId, String fullName, long start, Map<String, List<String>> attachmentUids) {
    }

    private final List<Case> cases;
    private final Map<String, byte[]> history;

    private ReportIndex(List<Case> cases, Map<String, byte[]> history) {
        this.cases = cases;
        this.history = history;
    }

    public static ReportIndex read(Path reportDir) throws GateInputException {
        Path index = reportDir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw new GateInputException("no Allure report at " + reportDir + " (no " + INDEX + ") — generate it with scripts/report");
        }
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        Map<String, byte[]> history = new LinkedHashMap<>();
        try {
            Matcher inlined = INLINED.matcher(Files.readString(index, StandardCharsets.UTF_8));
            while (inlined.find()) {
                String path = inlined.group(1);
                if (path.startsWith("data/test-cases/")) {
                    cases.add(parse(mapper.readTree(Base64.getDecoder().decode(inlined.group(2)))));
                } else if (path.startsWith("history/")) {
                    history.put(path.substring("history/".length()), Base64.getDecoder().decode(inlined.group(2)));
                }
            }
            Path testCases = reportDir.resolve("data/test-cases");
            if (cases.isEmpty() && Files.isDirectory(testCases)) {
                try (Stream<Path> files = Files.list(testCases)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        cases.add(parse(mapper.readTree(file.toFile())));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new GateInputException("unreadable Allure report " + index + ": " + e.getMessage() + " — generate it again with scripts/report");
        }
        return new ReportIndex(List.copyOf(cases), history);
    }

    private static Case parse(JsonNode testCase) {
        Map<String, List<String>> attachments = new LinkedHashMap<>();
        for (JsonNode attachment : testCase.path("testStage").path("attachments")) {
            attachments.computeIfAbsent(attachment.path("name").asText(), k -> new ArrayList<>()).add(attachment.path("uid").asText());
        }
        return new Case(testCase.path("uid").asText(), testCase.path("historyId").asText(), testCase.path("fullName").asText(),
                testCase.path("time").path("start").asLong(0), attachments);
    }

    /** The report's case for this result: same test (history id, else full name) and same start; a report of other results has none. */
    Optional<Case> find(TestResult result) {
        return cases.stream()
                .filter(c -> c.start() == result.start())
                .filter(c -> result.historyId() != null && result.historyId().equals(c.historyId())
                        || result.fullName() != null && result.fullName().equals(c.fullName()))
                .findFirst();
    }

    int size() {
        return cases.size();
    }

    /**
     * Writes the report's history (trends, each test's past results) to {@code folder}, for the next report to carry
     * on: a single-file report keeps it inside {@code index.html}. Returns how many files were written.
     */
    int saveHistory(Path folder) throws GateInputException {
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, byte[]> file : history.entrySet()) {
                Files.write(folder.resolve(Path.of(file.getKey()).getFileName()), file.getValue());
            }
            return history.size();
        } catch (IOException e) {
            throw new GateInputException("cannot write the report's history to " + folder + ": " + e.getMessage());
        }
    }
}
