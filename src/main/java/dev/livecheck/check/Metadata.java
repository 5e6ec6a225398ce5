package dev.livecheck.check;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a LiveKit participant's metadata, which the app fills with JSON such as {@code {"role":"provider"}}. */
public final class Metadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Metadata() {
    }

    /** The {@code role} field, or "" when the metadata is empty, not JSON, or has no role. */
    public static String role(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return "";
        }
        try {
            return JSON.readTree(metadata).path("role").asText("");
        } catch (Exception notJson) {
            return "";
        }
    }
}
