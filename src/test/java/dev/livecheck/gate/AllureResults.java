package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Writes fake allure-jupiter result files into a folder. */
final class AllureResults {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;

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

    void writeContainer() throws IOException {
        Files.writeString(folder.resolve(UUID.randomUUID() + "-container.json"), "{\"children\":[]}");
    }

    final class Result {
        private final ObjectNode json = MAPPER.createObjectNode();

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

        /** As livecheck writes a test its app's profile says does not apply. */
        Result notApplicable(String reason) {
            ((ArrayNode) json.get("labels")).addObject().put("name", "notApplicable").put("value", reason);
            return message("not applicable: " + reason);
        }

        Result withoutHistoryId() {
            json.remove("historyId");
            return this;
        }

        /** Writes the result file; returns this result, for what a test needs of it later (its file, its identity). */
        Result write() throws IOException {
            Files.writeString(folder.resolve(file()), json.toString());
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
