package dev.livecheck.selftest.cases;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Presence;
import dev.livecheck.check.Waits;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures that see the app's real LiveKit token everywhere a run writes from: the page shows it, the console logs it
 * whole and cut short after its payload, a dialog quotes it, then a wait times out, an assertion quotes the page and an
 * exception carries the token. Run by OutputScanIT in a nested launcher (no IT suffix); {@link #SEEN} tells it the tokens.
 */
@LiveCheck
public class LeakyFailureCase {
    /** The tokens the pages were given, for the scan; kept in memory only. */
    public static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Test
    @Checks("D-01")
    void aWaitTimesOutWhileThePageShowsItsToken(Participant provider, AppUnderTest app) {
        String token = exposeToken(provider, app);
        Waits.waitUntil("the provider's page shows something it never will", Duration.ofSeconds(3))
                .until(() -> provider.session().statusText().contains("never"));
    }

    @Test
    @Checks("D-03")
    void anAssertionQuotesThePage(Participant provider, AppUnderTest app) {
        exposeToken(provider, app);
        assertThat(provider.driver().findElement(org.openqa.selenium.By.tagName("body")).getText()).as("what the page says").doesNotContain("eyJ");
    }

    @Test
    @Checks("D-06")
    void anExceptionCarriesTheToken(Participant provider, AppUnderTest app) {
        String token = exposeToken(provider, app);
        throw new IllegalStateException("the app handed out " + token, new RuntimeException("cut: " + token.substring(0, token.lastIndexOf('.'))));
    }

    private static String exposeToken(Participant p, AppUnderTest app) {
        p.logInAndJoin();
        Presence.awaitInRoom(p, app.connectTimeout());
        List<String> tokens = p.probe().tokens();
        assertThat(tokens).as("tokens the page handed LiveKit").isNotEmpty();
        String token = tokens.get(0);
        SEEN.add(token);
        String cut = token.substring(0, token.lastIndexOf('.'));
        ((JavascriptExecutor) p.driver()).executeScript("""
                const token = arguments[0], cut = arguments[1];
                const shown = document.createElement('pre'); shown.textContent = 'your token: ' + token; document.body.appendChild(shown);
                console.log('joined with token ' + token);
                console.error('token rejected (cut short): ' + cut + '…');
                console.log('x'.repeat(20000) + token);
                alert('Session token: ' + token);""", token, cut);
        return token;
    }
}
