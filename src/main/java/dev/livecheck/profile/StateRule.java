package dev.livecheck.profile;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the page shows where a join stands. Rules are tried in order; the first that matches names the state:
 * <ul>
 *   <li>{@code {state: error, locator: …}} — the element is shown;</li>
 *   <li>{@code {state: reconnecting, locator: …, text: "Reconnect.*"}} — shown, and its text matches;</li>
 *   <li>{@code {locator: …, attribute: data-state}} — the page names its state in an attribute.</li>
 * </ul>
 */
public record StateRule(Optional<SessionState> state, Locator locator, Optional<String> attribute, Optional<Pattern> text) {
}
