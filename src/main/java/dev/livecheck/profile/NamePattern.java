package dev.livecheck.profile;

import dev.livecheck.config.LivecheckException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A name the app gives things, written as a template: {@code booking-{session}}, {@code {role}-{id}},
 * {@code session-{uuid}}, {@code {name}__{any}}. Placeholders with a known value match that value exactly;
 * the wildcards {@code {any}}, {@code {uuid}}, {@code {number}} and {@code {random}} match what the app
 * makes up. A template without wildcards names exactly one thing.
 */
public final class NamePattern {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final Map<String, String> WILDCARDS = Map.of(
            "any", ".+?", "uuid", "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
            "number", "[0-9]+", "random", "[A-Za-z0-9]+");

    private final String template;
    private final Pattern regex;
    private final String exact;

    private NamePattern(String template, Pattern regex, String exact) {
        this.template = template;
        this.regex = regex;
        this.exact = exact;
    }

    /** The template with the known values filled in; unknown placeholders are a profile error naming {@code where}. */
    public static NamePattern of(String template, Map<String, String> values, String where) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder regex = new StringBuilder();
        StringBuilder exact = new StringBuilder();
        boolean wild = false;
        int last = 0;
        while (m.find()) {
            String literal = template.substring(last, m.start());
            regex.append(Pattern.quote(literal));
            exact.append(literal);
            String name = m.group(1);
            if (values.containsKey(name)) {
                regex.append(Pattern.quote(values.get(name)));
                exact.append(values.get(name));
            } else if (values.containsKey(name.toLowerCase(java.util.Locale.ROOT)) && name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
                String upper = values.get(name.toLowerCase(java.util.Locale.ROOT)).toUpperCase(java.util.Locale.ROOT);
                regex.append(Pattern.quote(upper));
                exact.append(upper);
            } else if (WILDCARDS.containsKey(name)) {
                regex.append(WILDCARDS.get(name));
                wild = true;
            } else {
                throw new LivecheckException(where + ": '" + template + "' uses {" + name + "}, which is not known here: use "
                        + values.keySet() + " or a wildcard " + WILDCARDS.keySet());
            }
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        exact.append(template.substring(last));
        return new NamePattern(template, Pattern.compile(regex.toString()), wild ? null : exact.toString());
    }

    public boolean matches(String name) {
        return name != null && regex.matcher(name).matches();
    }

    /** Whether some part of the text matches (a console line that contains the pattern). */
    public boolean foundIn(String text) {
        return text != null && regex.matcher(text).find();
    }

    /** The one name this pattern allows, when it has no wildcards. */
    public Optional<String> exact() {
        return Optional.ofNullable(exact);
    }

    @Override
    public String toString() {
        return exact != null ? exact : template;
    }
}
