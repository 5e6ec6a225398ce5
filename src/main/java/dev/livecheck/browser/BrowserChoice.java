package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which browser each participant uses ({@code livecheck.browsers}): one for everybody ({@code chromium}, {@code firefox}),
 * or per participant, the others keeping Chromium ({@code provider:chromium,client:firefox}) — the mixed pairs a
 * platform's users make when its troubleshooting guide tells them to try another browser.
 */
public record BrowserChoice(Kind everybody, Map<String, Kind> byParticipant) {
    /** The browsers livecheck drives. */
    public enum Kind {
        CHROMIUM, FIREFOX;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String text, String setting) {
            for (Kind k : values()) {
                if (k.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new LivecheckException(setting + "=" + text + " names no browser livecheck drives: give chromium or firefox, "
                    + "or one per participant (provider:chromium,client:firefox)");
        }
    }

    public static BrowserChoice chromium() {
        return new BrowserChoice(Kind.CHROMIUM, Map.of());
    }

    public static BrowserChoice parse(String text) {
        String setting = "livecheck.browsers";
        if (text == null || text.isBlank()) {
            return chromium();
        }
        if (!text.contains(":")) {
            return new BrowserChoice(Kind.of(text, setting), Map.of());
        }
        Map<String, Kind> each = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split(":", -1);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new LivecheckException(setting + "=" + text + ": write each participant as role:browser, comma-separated "
                        + "(provider:chromium,client:firefox)");
            }
            if (each.put(parts[0].trim(), Kind.of(parts[1], setting)) != null) {
                throw new LivecheckException(setting + "=" + text + " names " + parts[0].trim() + " twice: give each participant one browser");
            }
        }
        return new BrowserChoice(Kind.CHROMIUM, java.util.Collections.unmodifiableMap(each)); // in the order written: the label reads back as given
    }

    /** The browser of the participant with this media name (the role's id: provider, client; or a further participant's). */
    public Kind of(String participant) {
        return byParticipant.getOrDefault(participant, everybody);
    }

    /** Every browser some participant may use (participants not named keep {@link #everybody}). */
    public Set<Kind> used() {
        Set<Kind> used = new TreeSet<>(byParticipant.values());
        used.add(everybody);
        return used;
    }

    /** As a reader writes it: "chromium", "firefox", "provider:chromium, client:firefox". */
    public String label() {
        return byParticipant.isEmpty() ? everybody.id()
                : byParticipant.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().id()).collect(Collectors.joining(", "));
    }

    public boolean uses(Kind kind) {
        return used().contains(kind);
    }
}
