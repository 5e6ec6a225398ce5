package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Writes fake allure-jupiter result files into a folder, and the run's record ({@link RunRecord}) as livecheck's listener
 * would: every result written is an expected test the run selected, carrying the run's id, unless the test says otherwise.
 */
final class AllureResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String RUN_ID = "run-1";

    private final Path folder;
    private final java.util.Map<String, RunRecord.Test> expected = new java.util.LinkedHashMap<>();
    private String expectation;
    private boolean recorded = true;

    AllureResults(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path folder() {
        return folder;
    }

    Result result(String fullName, String status) {
        return new Result(fullName, status);
    }

    /** An expected test of the run that has no result (yet): selected or not, nightly-only or not. */
    AllureResults expect(String test, boolean nightly, boolean selected, String... items) throws IOException {
        expected.put(test, new RunRecord.Test(test, test, List.of(items), nightly, true, selected, null, null));
        return writeRecord();
    }

    /** A test the committed expectation names and the compiled suites do not have (deleted or renamed). */
    AllureResults expectNotInCode(String test, String... items) throws IOException {
        expectation = "checklist-tests.txt";
        expected.put(test, new RunRecord.Test(test, test, List.of(items), false, false, false, null, null));
        return writeRecord();
    }

    /** No run record at all: results not written by a livecheck run. */
    AllureResults withoutRecord() throws IOException {
        recorded = false;
        Files.deleteIfExists(folder.resolve(RunRecord.FILE));
        return this;
    }

    private AllureResults writeRecord() throws IOException {
        if (recorded) {
            new RunRecord(RUN_ID, "2026-12-05T10:00:00Z", "2026-12-05T10:05:00Z", expectation, List.copyOf(expected.values())).write(folder);
        }
        return this;
    }

    private void record(RunRecord.Test test) throws IOException {
        expected.merge(test.test(), test, (before, now) -> RunRecord.merge(List.of(before), List.of(now)).get(0));
        writeRecord();
    }

    void writeContainer() throws IOException {
        Files.writeString(folder.resolve(UUID.randomUUID() + "-container.json"), "{\"children\":[]}");
    }

    final class Result {
        private final ObjectNode json = MAPPER.createObjectNode();
        private final List<String> items = new java.util.ArrayList<>();
        private boolean nightly;
        private RunRecord.NotApplicableNote notApplicable;
        private String partial;
        private String runId = RUN_ID;

        private Result(String fullName, String status) {
            json.put("uuid", UUID.randomUUID().toString());
            json.put("name", fullName.substring(fullName.lastIndexOf('.') + 1));
            json.put("fullName", fullName);
            json.put("historyId", Integer.toHexString(fullName.hashCode()));
            json.put("status", status);
            json.put("start", 1_000_000L);
            json.put("stop", 1_002_500L);
            json.putArray("labels").addObject().put("name", "suite").put("value", "Checklist");
            json.putArray("attachments");
        }

        Result checks(String... ids) {
            ArrayNode labels = (ArrayNode) json.get("labels");
            for (String id : ids) {
                labels.addObject().put("name", "checklist").put("value", id);
                items.add(id);
            }
            return this;
        }

        Result timed(long start, long stop) {
            json.put("start", start);
            json.put("stop", stop);
            return this;
        }

        Result message(String message) {
            json.putObject("statusDetails").put("message", message).put("trace", "at somewhere");
            return this;
        }

        Result attachment(String name, String source) {
            ((ArrayNode) json.get("attachments")).addObject()
                    .put("name", name).put("source", source).put("type", "image/png");
            return this;
        }

        /** Measured real-time figures in a step, as livecheck's Quality attaches them. */
        Result figuresInAStep(String direction, String figuresJson) throws IOException {
            String source = UUID.randomUUID() + "-attachment.json";
            Files.writeString(folder.resolve(source), figuresJson);
            ArrayNode steps = json.has("steps") ? (ArrayNode) json.get("steps") : json.putArray("steps");
            steps.addObject().put("name", "measure").putArray("attachments").addObject()
                    .put("name", "real-time figures: " + direction).put("source", source).put("type", "application/json");
            return this;
        }

        /** As livecheck writes a test its app's profile says does not apply: the run's record says so. */
        Result notApplicable(String reason) {
            return notApplicable(reason, null);
        }

        Result notApplicable(String reason, String checked) {
            notApplicable = new RunRecord.NotApplicableNote("feature", reason, checked);
            ((ArrayNode) json.get("labels")).addObject().put("name", "notApplicable").put("value", reason);
            return message("not applicable: " + reason);
        }

        /** The test said it checked only part of its item for this app. */
        Result partial(String why) {
            partial = why;
            return this;
        }

        /** As livecheck's harness ends a test the environment kept from judging: broken, with the measured reason as a label. */
        Result inconclusive(String reason) {
            ((ArrayNode) json.get("labels")).addObject().put("name", "inconclusive").put("value", reason);
            return this;
        }

        Result nightly() {
            nightly = true;
            return this;
        }

        /** A result an earlier run left in the folder: another run id, and not in this run's record. */
        Result ofAnotherRun() {
            runId = "run-0";
            return this;
        }

        Result withoutHistoryId() {
            json.remove("historyId");
            return this;
        }

        /** Writes the result file; returns this result, for what a test needs of it later (its file, its identity). */
        Result write() throws IOException {
            ((ArrayNode) json.get("labels")).addObject().put("name", RunRecord.RUN_LABEL).put("value", runId);
            Files.writeString(folder.resolve(file()), json.toString());
            if (runId.equals(RUN_ID)) {
                record(new RunRecord.Test(fullName(), json.path("name").asText(), items, nightly, true, true, notApplicable, partial));
            }
            return this;
        }

        String file() {
            return json.get("uuid").asText() + "-result.json";
        }

        String historyId() {
            return json.path("historyId").asText();
        }

        String fullName() {
            return json.path("fullName").asText();
        }

        long start() {
            return json.path("start").asLong();
        }
    }
}
