package dev.livecheck.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the {@code *-result.json} files of an Allure results folder; containers and attachments are ignored. */
public final class ResultsFolder {

    static final String CHECKLIST_LABEL = "checklist";
    /**
     * On a result the environment kept from judging (status broken): the measured reason, one line. Whether a test is
     * not applicable or passed only partially is the run record's to say ({@link RunRecord}), never a label's or a
     * message's: anything can word a skip "not applicable".
     */
    public static final String INCONCLUSIVE_LABEL = "inconclusive";
    /** How livecheck names its measured real-time figures (dev.livecheck.check.Quality), a JSON attachment. */
    static final String FIGURES_PREFIX = "real-time figures: ";
    private static final String HINT = " — run the checklist tests first (mvn verify) or pass the right --results folder";

    private final ObjectMapper mapper;

    public ResultsFolder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<TestResult> read(Path folder) throws GateInputException {
        if (!Files.isDirectory(folder)) {
            throw new GateInputException("results folder " + folder + " does not exist" + HINT);
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith("-result.json"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new GateInputException("cannot list results folder " + folder + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new GateInputException("results folder " + folder + " has no *-result.json files" + HINT);
        }
        List<TestResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(parse(file));
        }
        return results;
    }

    private TestResult parse(Path file) throws GateInputException {
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new GateInputException("unreadable Allure result " + file + ": " + firstLine(e.getMessage())
                    + " — delete it or rerun the tests");
        }
        if (root == null || !root.isObject()) {
            throw new GateInputException("Allure result " + file + " is not a JSON object — delete it or rerun the tests");
        }
        Set<String> checklistIds = new LinkedHashSet<>();
        String runId = null;
        String inconclusive = null;
        String testClass = null;
        String testMethod = null;
        for (JsonNode label : root.path("labels")) {
            String name = text(label, "name");
            String value = text(label, "value");
            if (name == null || value == null) {
                continue;
            }
            switch (name) {
                case CHECKLIST_LABEL -> checklistIds.add(value.trim());
                case RunRecord.RUN_LABEL -> runId = value;
                case INCONCLUSIVE_LABEL -> inconclusive = value.strip().lines().findFirst().orElse("");
                case "testClass" -> testClass = value;
                case "testMethod" -> testMethod = value;
                default -> { }
            }
        }
        ItemStatus status = ItemStatus.fromAllure(text(root, "status"));
        String message = text(root.path("statusDetails"), "message");
        if (status == ItemStatus.BROKEN && inconclusive != null) {
            // only a test that ended without a verdict can be inconclusive: a failed assertion is the app's
            status = ItemStatus.INCONCLUSIVE;
        } else {
            inconclusive = null;
        }
        String fullName = text(root, "fullName");
        String test = testClass != null && testMethod != null ? testClass + "." + testMethod : fullName;
        List<TestResult.Attachment> attachments = new ArrayList<>();
        for (JsonNode attachment : root.path("attachments")) {
            attachments.add(new TestResult.Attachment(text(attachment, "name"), text(attachment, "source")));
        }
        List<TestResult.Figures> figures = new ArrayList<>();
        collectFigures(file.getParent(), root, figures);
        return new TestResult(
                file.getFileName().toString(),
                text(root, "name"),
                fullName,
                text(root, "historyId"),
                test,
                runId,
                status,
                root.path("start").asLong(0),
                root.path("stop").asLong(0),
                Collections.unmodifiableSet(checklistIds),
                List.copyOf(attachments),
                message,
                null,
                null,
                inconclusive,
                List.copyOf(figures));
    }

    /** Figures may hang off the test or any of its steps; an unreadable one is left out, never fails the gate. */
    @SuppressWarnings("unchecked")
    private void collectFigures(Path folder, JsonNode node, List<TestResult.Figures> figures) {
        for (JsonNode attachment : node.path("attachments")) {
            String name = text(attachment, "name");
            String source = text(attachment, "source");
            if (name == null || !name.startsWith(FIGURES_PREFIX) || source == null) {
                continue;
            }
            try {
                java.util.Map<String, Object> values = mapper.readValue(folder.resolve(source).toFile(), java.util.Map.class);
                figures.add(new TestResult.Figures(String.valueOf(values.getOrDefault("scenario", "")),
                        String.valueOf(values.getOrDefault("direction", name.substring(FIGURES_PREFIX.length()))), values));
            } catch (IOException | RuntimeException unreadable) {
                // the test's own status already says whether the figures were good enough
            }
        }
        for (JsonNode step : node.path("steps")) {
            collectFigures(folder, step, figures);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
