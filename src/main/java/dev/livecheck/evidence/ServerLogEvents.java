package dev.livecheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * LiveKit's log lines as timeline events: who joined, published, left, and anything LiveKit warned about. A line is
 * {@code time, level, logger, caller, message, {fields}}, tab-separated; the harness's own RoomService polling
 * (answered 200) is left out, it would drown the rest.
 */
public final class ServerLogEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("participant", "kind", "reason", "error", "status");

    private ServerLogEvents() {
    }

    public static List<Timeline.Event> of(String log) {
        List<Timeline.Event> events = new ArrayList<>();
        for (String line : log.split("\n")) {
            String[] parts = line.split("\t", 6);
            if (parts.length < 5 || parts[1].equals("DEBUG")) {
                continue;
            }
            Instant at;
            try {
                at = Instant.parse(parts[0].trim());
            } catch (DateTimeParseException notALogLine) {
                continue;
            }
            JsonNode fields = fields(parts.length == 6 ? parts[5] : "");
            if (parts[4].startsWith("API RoomService.") && fields.path("status").asText().equals("200")) {
                continue;
            }
            StringBuilder text = new StringBuilder(parts[1].equals("INFO") ? "" : parts[1] + " ").append(parts[4]);
            for (String field : FIELDS) {
                JsonNode value = fields.get(field);
                if (value != null && value.isValueNode() && !value.asText().isEmpty()) {
                    text.append(' ').append(field).append('=').append(value.asText());
                }
            }
            events.add(new Timeline.Event(at, "livekit", "server", text.toString()));
        }
        return events;
    }

    private static JsonNode fields(String json) {
        try {
            return json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }
}
