package dev.livecheck.selftest.cases;

import dev.livecheck.browser.Participant;
import dev.livecheck.junit.LiveCheck;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tests in a row on one warm browser: the first leaves everything a test can leave behind (a login, cookies,
 * storage of every kind, a granted permission (notifications: headless Chromium grants geolocation from the start), a second tab) and sees it is there; the second gets the same browser
 * and finds none of it — then logs in and joins as usual.
 */
@LiveCheck
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class ReuseCase {
    private static String firstBrowser;

    @Test
    @Order(1)
    void leavesEverythingBehind(Participant client) {
        client.logIn();
        client.open("/");
        JavascriptExecutor js = (JavascriptExecutor) client.driver();
        js.executeScript("localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind');"
                + "document.cookie = 'left=behind; path=/'; indexedDB.open('left-behind', 1);");
        ((HasCdp) client.driver()).executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin(client), "permissions", List.of("notifications")));
        String home = client.driver().getWindowHandle();
        client.driver().switchTo().newWindow(WindowType.TAB).get("about:blank");
        client.driver().switchTo().window(home);
        firstBrowser = ((RemoteWebDriver) client.driver()).getSessionId().toString();

        assertThat(leftovers(client)).as("what this test leaves behind (the check can see it)")
                .contains("signed in", "cookies", "localStorage", "sessionStorage", "IndexedDB", "notifications granted", "2 tabs");
    }

    @Test
    @Order(2)
    void findsNothingOfTheLastTest(Participant client) {
        assertThat(((RemoteWebDriver) client.driver()).getSessionId().toString()).as("the browser of the last test, reused").isEqualTo(firstBrowser);
        assertThat(leftovers(client)).as("what the last test left in the reused browser").isEmpty();
        client.logInAndJoin();
    }

    /** Everything of a previous test this browser still has, as the app's page sees it. */
    private static List<String> leftovers(Participant client) {
        List<String> found = new ArrayList<>();
        int tabs = client.driver().getWindowHandles().size();
        if (tabs > 1) {
            found.add(tabs + " tabs");
        }
        client.open("/");
        waitUntil("the app's home page, signed in (its navigation) or not (its login form)")
                .until(() -> client.nav().isShown() || client.loginPage().isShown());
        if (client.nav().isShown()) {
            found.add("signed in");
        }
        if (!client.driver().manage().getCookies().isEmpty()) {
            found.add("cookies");
        }
        JavascriptExecutor js = (JavascriptExecutor) client.driver();
        if (((Number) js.executeScript("return localStorage.length")).intValue() > 0) {
            found.add("localStorage");
        }
        if (((Number) js.executeScript("return sessionStorage.length")).intValue() > 0) {
            found.add("sessionStorage");
        }
        Object databases = js.executeAsyncScript("const done = arguments[0]; indexedDB.databases().then(d => done(d.length), () => done(-1));");
        if (((Number) databases).intValue() != 0) {
            found.add("IndexedDB");
        }
        Object notifications = js.executeAsyncScript("const done = arguments[0];"
                + "navigator.permissions.query({name: 'notifications'}).then(p => done(p.state), e => done(String(e)));");
        if ("granted".equals(notifications)) {
            found.add("notifications granted");
        }
        return found;
    }

    private static String origin(Participant client) {
        return client.driver().getCurrentUrl().replaceFirst("^(https?://[^/]+).*$", "$1");
    }
}
