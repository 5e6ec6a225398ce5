package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a single-file Allure 2 report as {@code allure generate --single-file} lays it out: files inlined as {@code d('path','base64')}. */
final class FakeReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final Map<String, String> files = new LinkedHashMap<>();

    FakeReport(Path folder) {
        this.folder = folder;
    }

    /** The report's case of a result: its uid, and each attachment's uid after its name ({@code name, uid, name, uid…}). */
    FakeReport testCase(String uid, AllureResults.Result result, String... attachmentNamesAndUids) {
        ObjectNode testCase = MAPPER.createObjectNode().put("uid", uid).put("historyId", result.historyId()).put("fullName", result.fullName());
        testCase.putObject("time").put("start", result.start());
        ArrayNode attachments = testCase.putObject("testStage").putArray("attachments");
        for (int i = 0; i + 1 < attachmentNamesAndUids.length; i += 2) {
            attachments.addObject().put("name", attachmentNamesAndUids[i]).put("uid", attachmentNamesAndUids[i + 1])
                    .put("source", attachmentNamesAndUids[i + 1] + ".txt");
        }
        return file("data/test-cases/" + uid + ".json", testCase.toString());
    }

    FakeReport file(String path, String content) {
        files.put(path, Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    Path write() throws IOException {
        Files.createDirectories(folder);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><script defer>Promise.allSettled([\n");
        files.forEach((path, base64) -> html.append("        d('").append(path).append("','").append(base64).append("'),\n"));
        html.append("]).then(() => {});</script></head><body></body></html>\n");
        Files.writeString(folder.resolve("index.html"), html);
        return folder;
    }
}
