package dev.livecheck.profile;

import java.util.Optional;

/**
 * Where a value sits relative to an element: its text ({@code text}), one of its attributes ({@code @data-role}),
 * or the text or attribute of an element inside it ({@code css:.name}, {@code css:.name@data-lk-participant-name}).
 */
public record Field(Optional<Locator> inner, Optional<String> attribute) {
    public static Field parse(String spec, String where) {
        if (spec.equals("text")) {
            return new Field(Optional.empty(), Optional.empty());
        }
        if (spec.startsWith("@")) {
            return new Field(Optional.empty(), Optional.of(spec.substring(1)));
        }
        int at = spec.lastIndexOf('@');
        boolean attr = at > spec.indexOf(':') && !spec.substring(at + 1).contains("]") && !spec.substring(at + 1).contains(" ");
        return attr ? new Field(Optional.of(Locator.parse(spec.substring(0, at), where)), Optional.of(spec.substring(at + 1)))
                : new Field(Optional.of(Locator.parse(spec, where)), Optional.empty());
    }
}
