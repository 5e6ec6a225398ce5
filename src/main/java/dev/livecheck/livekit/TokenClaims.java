package dev.livecheck.livekit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.config.LivecheckException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a LiveKit access token says (its payload, read without checking the signature — LiveKit does that):
 * identity, room, expiry and the video grants. {@link #toString()} shows claims, never the token.
 */
public record TokenClaims(String identity, String name, String issuer, String room, long notBefore, long expiresAt,
                          Map<String, Object> grants, String metadata, Map<String, String> attributes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static TokenClaims decode(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new LivecheckException("not a JWT (" + parts.length + " parts): the page handed LiveKit something else as its token");
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode video = payload.path("video");
            Map<String, Object> grants = new TreeMap<>();
            video.fields().forEachRemaining(e -> grants.put(e.getKey(), e.getValue().isBoolean() ? e.getValue().asBoolean()
                    : e.getValue().isArray() ? JSON.convertValue(e.getValue(), java.util.List.class) : e.getValue().asText()));
            Map<String, String> attributes = new TreeMap<>();
            payload.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            return new TokenClaims(payload.path("sub").asText(""), payload.path("name").asText(""), payload.path("iss").asText(""),
                    video.path("room").asText(""), payload.path("nbf").asLong(0), payload.path("exp").asLong(0), grants,
                    payload.path("metadata").asText(""), attributes);
        } catch (Exception e) {
            throw new LivecheckException("the token's payload is not LiveKit's JSON: " + e.getMessage());
        }
    }

    /** Whether the token grants this (e.g. {@code roomAdmin}, {@code roomRecord}, {@code canUpdateOwnMetadata}). */
    public boolean grants(String grant) {
        return Boolean.TRUE.equals(grants.get(grant));
    }
}
