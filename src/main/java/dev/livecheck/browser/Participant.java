package dev.livecheck.browser;

import dev.livecheck.app.Account;
import dev.livecheck.app.AppUnderTest;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.media.Role;
import dev.livecheck.pages.BookingsPage;
import dev.livecheck.pages.LoginPage;
import dev.livecheck.pages.NavBar;
import dev.livecheck.pages.SessionPage;
import io.qameta.allure.Allure;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** One person in one browser: the provider or the client, with their own fake camera and microphone. */
public final class Participant implements AutoCloseable {
    private final String name;
    private final Account account;
    private final FakeMedia media;
    private final AppUnderTest app;
    private final Browsers.Browser browser;
    private final ConsoleLog console;
    private final MediaProbe probe;
    private Instant joinClickedAt;

    public Participant(String name, Account account, FakeMedia media, AppUnderTest app, BrowserSettings settings, BrowserOptions options) {
        this.name = name;
        this.account = account;
        this.media = media;
        this.app = app;
        this.browser = Browsers.start(settings, media, options);
        this.console = new ConsoleLog(browser.driver());
        this.probe = new MediaProbe(browser.driver());
    }

    public String name() {
        return name;
    }

    public Role role() {
        return account.role();
    }

    public Account account() {
        return account;
    }

    /** The LiveKit identity the app should give this participant. */
    public String identity() {
        return account.identity();
    }

    public FakeMedia media() {
        return media;
    }

    public WebDriver driver() {
        return browser.driver();
    }

    public ConsoleLog console() {
        return console;
    }

    public MediaProbe probe() {
        return probe;
    }

    public LoginPage loginPage() {
        return new LoginPage(driver());
    }

    public NavBar nav() {
        return new NavBar(driver());
    }

    public BookingsPage bookings() {
        return new BookingsPage(driver());
    }

    public SessionPage session() {
        return new SessionPage(driver());
    }

    public void open(String path) {
        driver().get(app.baseUrl() + path);
    }

    public String currentPath() {
        String url = driver().getCurrentUrl();
        return url == null ? "" : url.replaceFirst("^https?://[^/]+", "");
    }

    public void logIn() {
        Allure.step(name + " logs in as " + account.email(), () -> {
            open("/login");
            loginPage().logIn(account);
            await(name + " signed in (navigation shown)").atMost(Duration.ofSeconds(15)).until(() -> nav().isShown());
        });
    }

    public void openBookings() {
        Allure.step(name + " opens " + (role() == Role.PROVIDER ? "Provider Bookings" : "My Bookings"), () -> {
            nav().openBookings();
            await(name + "'s bookings page listed").atMost(Duration.ofSeconds(15)).until(() -> !bookings().title().isEmpty());
        });
    }

    public void joinLiveBooking() {
        join(app.contract().liveBookingId());
    }

    public void join(String booking) {
        Allure.step(name + " clicks \"Join Live Session\" on booking " + booking, () -> {
            bookings().awaitJoinOffered(booking);
            // taken before the click: the click returns only once the session page has loaded, and a
            // timestamp after it would make every "within N s" and "not before N s" check off by the load time
            joinClickedAt = Instant.now();
            bookings().join(booking);
        });
    }

    /** Log in, open the bookings page, join the LIVE booking: the first four checklist steps. */
    public void logInAndJoin() {
        logIn();
        openBookings();
        joinLiveBooking();
    }

    public Optional<Instant> joinClickedAt() {
        return Optional.ofNullable(joinClickedAt);
    }

    /** Marks a join about to start some other way (Try Again, Rejoin): call it just before the click. */
    public void markJoinStarted() {
        joinClickedAt = Instant.now();
    }

    /** An answer to a request made from this browser, with its cookies, as the app's own page would make it. */
    public record BrowserResponse(int status, String body) {
    }

    public BrowserResponse request(String method, String path) {
        String url = driver().getCurrentUrl();
        if (url == null || !url.startsWith(app.baseUrl())) {
            open("/");
        }
        Object result = ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin'})"
                        + ".then(async r => done({status: r.status, body: await r.text()}), e => done({status: -1, body: String(e)}));",
                app.baseUrl() + path, method);
        Map<?, ?> map = (Map<?, ?>) result;
        return new BrowserResponse(((Number) map.get("status")).intValue(), String.valueOf(map.get("body")));
    }

    public byte[] screenshot() {
        return ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES);
    }

    public boolean isOpen() {
        try {
            driver().getWindowHandles();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            driver().quit();
        } catch (RuntimeException alreadyGone) {
            // the test closed it itself
        }
        Profiles.delete(browser.profile());
    }

    @Override
    public String toString() {
        return name + " (" + identity() + ")";
    }
}
