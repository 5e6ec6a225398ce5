package dev.livecheck.profile;

import dev.livecheck.config.LivecheckException;
import org.openqa.selenium.By;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an element is on the app's page, as a profile writes it: {@code kind:expression}.
 * <ul>
 *   <li>{@code testid:login-email} — {@code [data-testid='login-email']}</li>
 *   <li>{@code css:.lk-participant-tile video}</li>
 *   <li>{@code xpath://div[@role='alert']}</li>
 *   <li>{@code text:Waiting for client…} — an element whose own visible text is exactly that</li>
 *   <li>{@code button:Join Room} — a button (or role=button, or submit input) labelled that way, by text,
 *       value or aria-label</li>
 *   <li>{@code aria:Leave} — any element with that aria-label</li>
 *   <li>{@code placeholder:Username} — an input with that placeholder</li>
 * </ul>
 * Expressions may hold placeholders such as {@code {session}}, {@code {identity}} or {@code {name}}, filled in
 * when the element is looked for.
 */
public record Locator(Kind kind, String expression) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    public enum Kind { TESTID, CSS, XPATH, TEXT, BUTTON, ARIA, PLACEHOLDER }

    public static Locator parse(String spec, String where) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0) {
            throw new LivecheckException(where + ": '" + spec + "' is not a locator: write kind:expression, e.g. testid:login-email, "
                    + "css:.lk-participant-tile, xpath://button, text:Connected, button:Join Room, aria:Leave, placeholder:Username");
        }
        String kind = spec.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return new Locator(Kind.valueOf(kind), spec.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new LivecheckException(where + ": unknown locator kind '" + spec.substring(0, colon)
                    + "': use testid, css, xpath, text, button, aria or placeholder");
        }
    }

    /** Whether the expression mentions {@code {name}} (so it can pick one participant's element). */
    public boolean uses(String placeholder) {
        return expression.contains("{" + placeholder + "}");
    }

    public By by(Map<String, String> values) {
        return switch (kind) {
            case TESTID -> By.cssSelector("[data-testid=" + cssString(fill(expression, values, false)) + "]");
            case CSS -> By.cssSelector(fillCss(expression, values));
            case XPATH -> By.xpath(fill(expression, values, false));
            case TEXT -> By.xpath("//*[normalize-space(text())=" + xpathString(fill(expression, values, false)) + "]");
            case BUTTON -> {
                String label = xpathString(fill(expression, values, false));
                yield By.xpath("//button[normalize-space(.)=" + label + " or @aria-label=" + label + "]"
                        + " | //*[@role='button'][normalize-space(.)=" + label + " or @aria-label=" + label + "]"
                        + " | //input[(@type='submit' or @type='button') and @value=" + label + "]");
            }
            case ARIA -> By.xpath("//*[@aria-label=" + xpathString(fill(expression, values, false)) + "]");
            case PLACEHOLDER -> By.xpath("//*[@placeholder=" + xpathString(fill(expression, values, false)) + "]");
        };
    }

    /** e.g. {@code testid:login-email} — how the profile wrote it, with the values filled in. */
    public String describe(Map<String, String> values) {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + fill(expression, values, false);
    }

    @Override
    public String toString() {
        return describe(Map.of());
    }

    /** Placeholders inside quotes of a CSS selector are filled CSS-escaped; a missing value is an error in the profile. */
    private static String fillCss(String expression, Map<String, String> values) {
        return fill(expression, values, true);
    }

    private static String fill(String expression, Map<String, String> values, boolean cssEscape) {
        Matcher m = PLACEHOLDER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new LivecheckException("locator '" + expression + "' needs {" + m.group(1) + "}, which this element has no value for: "
                        + "use only " + values.keySet() + " here");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(cssEscape ? value.replace("\\", "\\\\").replace("'", "\\'").replace("\"", "\\\"") : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cssString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** An XPath string literal for any value, apostrophes included. */
    static String xpathString(String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        return "concat('" + value.replace("'", "',\"'\",'") + "')";
    }
}
