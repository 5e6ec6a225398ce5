package dev.livecheck.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.config.LivecheckException;
import livekit.LivekitModels;

import java.util.Optional;

/**
 * Where the app puts a participant's role on LiveKit: a field of the metadata JSON ({@code metadata.role}),
 * a participant attribute ({@code attribute.role}), or nowhere ({@code none}).
 */
public record RoleSource(Kind kind, String field) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind { METADATA, ATTRIBUTE, NONE }

    public static RoleSource parse(String spec, String where) {
        if (spec == null || spec.equals("none")) {
            return new RoleSource(Kind.NONE, "");
        }
        int dot = spec.indexOf('.');
        String kind = dot < 0 ? spec : spec.substring(0, dot);
        String field = dot < 0 ? "" : spec.substring(dot + 1);
        if (field.isEmpty() || !(kind.equals("metadata") || kind.equals("attribute"))) {
            throw new LivecheckException(where + ": '" + spec + "' does not say where the role is: write metadata.<field>, attribute.<name> or none");
        }
        return new RoleSource(kind.equals("metadata") ? Kind.METADATA : Kind.ATTRIBUTE, field);
    }

    /** The role LiveKit holds for the participant; empty when it has none there (or the app keeps none). */
    public Optional<String> roleOf(LivekitModels.ParticipantInfo info) {
        return switch (kind) {
            case NONE -> Optional.empty();
            case ATTRIBUTE -> Optional.ofNullable(info.getAttributesMap().get(field)).filter(s -> !s.isBlank());
            case METADATA -> fromMetadata(info.getMetadata());
        };
    }

    private Optional<String> fromMetadata(String metadata) {
        if (metadata == null || metadata.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(metadata).path(field).asText("")).filter(s -> !s.isBlank());
        } catch (Exception notJson) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return kind == Kind.NONE ? "none" : kind.name().toLowerCase(java.util.Locale.ROOT) + "." + field;
    }
}
