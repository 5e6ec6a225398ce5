package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import org.openqa.selenium.JavascriptExecutor;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether a secret reached a browser: its pages, storage, cookies, console and the responses it received
 * (watched from the start with {@code traffic().watchResponses}). Failures name where, never the secret.
 */
public final class Secrets {
    private Secrets() {
    }

    public static void assertNeverReached(Participant p, String secret, String what) {
        assertThat(placesReached(p, secret)).as("places in %s's browser where %s turned up", p.name(), what).isEmpty();
    }

    /** Where in the participant's browser the secret turned up (responses watched, page, storage, cookies, console); never the secret. */
    public static List<String> placesReached(Participant p, String secret) {
        List<String> found = new ArrayList<>(p.traffic().revealing().stream().distinct().map(url -> "a response from " + url).toList());
        if (p.driver().getPageSource().contains(secret)) {
            found.add("the page's HTML");
        }
        Object storage = ((JavascriptExecutor) p.driver()).executeScript(
                "const dump = (s) => { let t = ''; for (let i = 0; i < s.length; i++) { const k = s.key(i); t += k + '=' + s.getItem(k) + '\\n'; } return t; };"
                        + "return dump(window.localStorage) + dump(window.sessionStorage) + document.cookie;");
        if (String.valueOf(storage).contains(secret)) {
            found.add("the page's storage or cookies");
        }
        if (p.console().rawText().contains(secret)) {
            found.add("the browser console");
        }
        return found;
    }
}
