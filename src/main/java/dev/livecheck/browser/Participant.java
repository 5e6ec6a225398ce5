package dev.livecheck.browser;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.evidence.TimeSpent;
import dev.livecheck.media.FakeMedia;
import dev.livecheck.media.Role;
import dev.livecheck.net.NetworkPath;
import dev.livecheck.pages.BookingsPage;
import dev.livecheck.pages.LoginPage;
import dev.livecheck.pages.NavBar;
import dev.livecheck.pages.PreJoinPage;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.Account;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.NamePattern;
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

/**
 * One person in one browser: the provider or the client, with their own fake camera and microphone. Goes
 * through the app the way its profile says (log in, bookings or a URL, a pre-join lobby), and knows who it
 * is on LiveKit: the identity the profile's convention gives, or, where the app makes one up, the identity
 * LiveKit lists that matches the convention.
 */
public final class Participant implements AutoCloseable {
    private final String name;
    private final Account account;
    private final FakeMedia media;
    private final AppUnderTest app;
    private final Rooms rooms;
    private final Browsers.Browser browser;
    private final ConsoleLog console;
    private final MediaProbe probe;
    private final Traffic traffic;
    private final BrowserPool pool;
    private final BrowserOptions options;
    private boolean closed;
    private volatile Instant joinClickedAt;
    private volatile String identity;
    private volatile String session;

    public Participant(String name, Account account, FakeMedia media, AppUnderTest app, Rooms rooms, BrowserSettings settings,
                       BrowserOptions options) {
        this(name, account, media, app, rooms, settings, options, Optional.empty());
    }

    /** With a network path of its own (the participant's browser reaches everything through it; closed with it). */
    public Participant(String name, Account account, FakeMedia media, AppUnderTest app, Rooms rooms, BrowserSettings settings,
                       BrowserOptions options, Optional<NetworkPath> network) {
        this(name, account, media, app, rooms, new BrowserPool(settings, false), options, network);
    }

    /** With a browser from the pool (a warm one where one fits), given back when the participant closes. */
    public Participant(String name, Account account, FakeMedia media, AppUnderTest app, Rooms rooms, BrowserPool pool,
                       BrowserOptions options, Optional<NetworkPath> network) {
        this.name = name;
        this.account = account;
        this.media = media;
        this.app = app;
        this.rooms = rooms;
        this.pool = pool;
        this.options = options;
        this.browser = pool.take(media, options, network);
        this.console = new ConsoleLog(browser.driver());
        this.probe = new MediaProbe(browser.driver());
        this.traffic = new Traffic(browser.driver());
    }

    public String name() {
        return name;
    }

    public Role role() {
        return account.role();
    }

    /** The app's name for this participant's role (e.g. {@code mechanic}). */
    public String roleName() {
        return profile().roleName(role());
    }

    public Account account() {
        return account;
    }

    /** The name the app shows for this person. */
    public String displayName() {
        return account.name();
    }

    public AppProfile profile() {
        return app.profile();
    }

    /** The identity the app should give this participant, as the profile's convention writes it. */
    public NamePattern expectedIdentity() {
        return profile().identityOf(account);
    }

    /**
     * This participant's LiveKit identity: the convention's, where it names one; else the identity LiveKit
     * lists in the session's room that matches the convention (found once per join).
     */
    public String identity() {
        Optional<String> exact = expectedIdentity().exact();
        if (exact.isPresent()) {
            return exact.get();
        }
        if (identity == null) {
            rooms.findIdentity(expectedIdentity()::matches, room()::matches).ifPresent(found -> identity = found);
        }
        return identity != null ? identity : "(" + expectedIdentity() + ", not on LiveKit yet)";
    }

    /** The session (booking or room id) this participant joins: the live one unless it joined another. */
    public String sessionId() {
        return session != null ? session : profile().liveSession();
    }

    /** The LiveKit room this participant's session should be in, by the app's room convention. */
    public NamePattern room() {
        return profile().conventions().roomFor(sessionId());
    }

    /** How the pages name this person: by identity or display name. */
    public SessionPage.Person asPerson() {
        return new SessionPage.Person(identity(), displayName());
    }

    public FakeMedia media() {
        return media;
    }

    public WebDriver driver() {
        return browser.driver();
    }

    /** The browser's profile folder on this machine: its processes carry it on their command line (whose CPU is whose). */
    /** The Grid node this participant's browser runs on, when the browsers are a Grid's. */
    public Optional<String> gridNode() {
        return browser.gridNode();
    }

    public java.nio.file.Path browserProfile() {
        return browser.profile();
    }

    public ConsoleLog console() {
        return console;
    }

    public MediaProbe probe() {
        return probe;
    }

    /** This browser's own network path to the app and LiveKit: cut, stalled, impaired for it alone. */
    public NetworkPath network() {
        return browser.network().orElseThrow(() -> new IllegalStateException(name + " has no network path of its own: "
                + "annotate the test's parameter with @NetworkFaults"));
    }

    /** This browser's HTTP traffic: requests made to hang, LiveKit tokens replaced. */
    public Traffic traffic() {
        return traffic;
    }

    public LoginPage loginPage() {
        return new LoginPage(driver(), profile());
    }

    public NavBar nav() {
        return new NavBar(driver(), profile());
    }

    public BookingsPage bookings() {
        return new BookingsPage(driver(), profile());
    }

    public SessionPage session() {
        return new SessionPage(driver(), profile());
    }

    public void open(String path) {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            driver().get(app.baseUrl() + path);
        });
    }

    public String currentPath() {
        String url = driver().getCurrentUrl();
        return url == null ? "" : url.replaceFirst("^https?://[^/]+", "");
    }

    /** Logs in, where the app has a login. */
    public void logIn() {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            if (!profile().offers(Feature.LOGIN)) {
                return;
            }
            Allure.step(name + " logs in as " + account.username(), () -> {
                open(profile().flow().loginPath().orElseThrow());
                loginPage().logIn(account);
                await(name + " signed in (" + profile().requireLocator("login.signedIn") + " shown)").atMost(Duration.ofSeconds(15))
                        .ignoreExceptions().until(() -> nav().isShown());
            });
        });
    }

    public void openBookings() {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            Allure.step(name + " opens their bookings", () -> {
                Optional<String> path = profile().flow().bookingsPath();
                if (path.isPresent()) {
                    open(path.get());
                } else {
                    nav().openBookings();
                }
                if (profile().locator("bookings.title").isPresent()) {
                    await(name + "'s bookings page listed").atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> !bookings().title().isEmpty());
                }
            });
        });
    }

    public void joinLiveBooking() {
        join(profile().liveSession());
    }

    /** Joins a session the app's way: the booking's join button, or the session's URL; then the pre-join lobby. */
    public void join(String session) {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            this.session = session;
            if (profile().flow().join() == AppProfile.JoinVia.BOOKINGS) {
                Allure.step(name + " clicks join on booking " + session, () -> {
                    // taken before the click: the click returns only once the session page has loaded, and a
                    // timestamp after it would make every "within N s" and "not before N s" check off by the load time
                    markJoinStarted();
                    bookings().join(session);
                });
            } else {
                Allure.step(name + " opens session " + session, () -> {
                    markJoinStarted();
                    open(profile().sessionPath(session));
                });
            }
            passPreJoin();
        });
    }

    /** Opens the session's page directly (a link, a reload), then the pre-join lobby where there is one. */
    public void openSession(String session) {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            this.session = session;
            markJoinStarted();
            open(profile().sessionPath(session));
            passPreJoin();
        });
    }

    private void passPreJoin() {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            if (profile().flow().preJoin()) {
                Allure.step(name + " passes the pre-join lobby as " + displayName(), () -> {
                    PreJoinPage lobby = new PreJoinPage(driver(), profile());
                    markJoinStarted();
                    lobby.enter(displayName());
                });
            }
        });
    }

    /** Log in, open the bookings, join the live session: the checklist's first steps, as far as the app has them. */
    public void logInAndJoin() {
        logIn();
        if (profile().flow().join() == AppProfile.JoinVia.BOOKINGS) {
            openBookings();
        }
        joinLiveBooking();
    }

    /** Rejoins after leaving: the page's rejoin button where it has one, else the session opened again. */
    public void rejoin() {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            if (session().offersRejoin()) {
                markJoinStarted();
                session().rejoin();
            } else {
                openSession(sessionId());
            }
        });
    }

    public Optional<Instant> joinClickedAt() {
        return Optional.ofNullable(joinClickedAt);
    }

    /**
     * When the page itself got the join click (or Enter, or the form's submit), by its own clock: on a busy machine
     * WebDriver may deliver a click a second or more after {@link #joinClickedAt}, and an app's promise runs from the
     * user's action. The harness's mark when the page navigated since, or when the page's clock disagrees with ours.
     */
    public Optional<Instant> joinActedAt() {
        Instant marked = joinClickedAt;
        if (marked == null) {
            return Optional.empty();
        }
        try {
            Object at = ((JavascriptExecutor) driver()).executeScript("return window.__livecheckJoinAt || null;");
            if (at instanceof Number ms) {
                Instant acted = Instant.ofEpochMilli(ms.longValue());
                if (!acted.isBefore(marked.minusMillis(50)) && !acted.isAfter(Instant.now())) {
                    return Optional.of(acted);
                }
            }
        } catch (org.openqa.selenium.WebDriverException e) {
            // a page that is gone or busy: the harness's own mark stands
        }
        return Optional.of(marked);
    }

    /** Marks a join about to start some other way (Try Again, Rejoin): call it just before the click. */
    public void markJoinStarted() {
        joinClickedAt = Instant.now();
        identity = null; // an app that makes identities up may give a new one on every join
        dev.livecheck.evidence.Timeline.joinStarted(driver());
        try {
            ((JavascriptExecutor) driver()).executeScript("window.__livecheckJoinAt = undefined;"
                    + "const mark = () => { if (window.__livecheckJoinAt === undefined) window.__livecheckJoinAt = Date.now(); };"
                    + "['click', 'submit'].forEach(type => window.addEventListener(type, mark, {capture: true, once: true}));"
                    + "window.addEventListener('keydown', e => { if (e.key === 'Enter') mark(); }, {capture: true});");
        } catch (org.openqa.selenium.WebDriverException e) {
            // no page to listen on yet: the join starts with a navigation, timed by the mark above
        }
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

    /** Whether this browser refuses the camera as a denied permission does (getUserMedia → NotAllowedError). */
    public boolean deniesCamera() {
        return denies("{video: true}");
    }

    /** Whether this browser refuses the microphone as a denied permission does. */
    public boolean deniesMicrophone() {
        return denies("{audio: true}");
    }

    private boolean denies(String constraints) {
        String url = driver().getCurrentUrl();
        if (url == null || !url.startsWith(app.baseUrl())) {
            open("/");
        }
        Object error = ((JavascriptExecutor) driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.mediaDevices.getUserMedia(" + constraints + ")"
                        + ".then(s => { s.getTracks().forEach(t => t.stop()); done('granted'); }, e => done(e.name));");
        return "NotAllowedError".equals(error);
    }

    /** Reloads the session's page, as a user pressing F5 mid-call, then passes the pre-join lobby again where there is one. */
    public void reload() {
        TimeSpent.time(TimeSpent.Part.PAGES, () -> {
            Allure.step(name + " reloads the page", () -> {
                markJoinStarted();
                driver().navigate().refresh();
            });
            passPreJoin();
        });
    }

    /** Comes back the long way: the bookings list and its join button (or the session's URL, for an app without bookings). */
    public void rejoinThroughBookings() {
        if (profile().flow().join() == AppProfile.JoinVia.BOOKINGS) {
            openBookings();
        }
        join(sessionId());
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

    /** Gives the browser back for another test (reset first), unless the test failed or rewrote its traffic. */
    @Override
    public void close() {
        close(true);
    }

    public synchronized void close(boolean testPassed) {
        if (closed) {
            return;
        }
        closed = true;
        boolean trafficRewritten = traffic.used();
        traffic.close();
        pool.giveBack(browser, media, options, testPassed && !trafficRewritten, java.util.List.of(app.baseUrl()));
    }

    /** For messages: never asks LiveKit. */
    @Override
    public String toString() {
        return name + " (" + (identity != null ? identity : expectedIdentity()) + ")";
    }
}
