package dev.livecheck.repro;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.app.AppVariant;
import dev.livecheck.browser.ConsoleLog;
import dev.livecheck.browser.Participant;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.evidence.Timeline;
import dev.livecheck.junit.Environment;
import dev.livecheck.media.Role;
import dev.livecheck.pages.SessionPage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * Reproduces "stuck on Connecting…" with one command and prints a timeline of the join: every console
 * line and state change with its time since the click, and where it stopped. LiveKit's signalling hangs for
 * the browser (its own network path), whatever the app: against your app ({@code livecheck.app.url}), give the
 * LiveKit URL it hands browsers as {@code livecheck.app.livekitUrl}; {@code livecheck.repro.watchOnly=true}
 * injects nothing and watches your deployment's own join.
 */
public final class StuckConnectingRepro {
    private StuckConnectingRepro() {
    }

    public static void main(String[] args) throws IOException {
        Settings settings = Settings.fromSystem();
        Duration watch = Duration.ofSeconds(settings.getInt("livecheck.repro.watchSeconds", 0));
        try (Environment env = Environment.start(settings)) {
            AppUnderTest app = env.app();
            AppUnderTest own = null;
            if (env.isReferenceApp()) {
                long timeout = settings.getInt("livecheck.repro.connectTimeoutMs", (int) AppVariant.DEFAULT_CONNECT_TIMEOUT_MS);
                own = env.startReferenceApp(app.variant().orElseThrow().withConnectTimeoutMs(timeout));
                app = own;
            }
            if (watch.isZero()) {
                watch = app.connectTimeout().plusSeconds(10);
            }
            System.out.printf("stuck-connecting repro: app %s (%s), LiveKit %s %s, watching %d s%n", app.baseUrl(),
                    env.isReferenceApp() ? "reference app, bugs " + app.variant().map(v -> v.bugs().isEmpty() ? "none" : String.join(",", v.bugs())).orElse("") : "external",
                    env.livekit().mode().label(), env.livekit().wsUrl(), watch.toSeconds());
            boolean stall = !settings.getBoolean("livecheck.repro.watchOnly", false);
            try (Participant client = new Participant("client", app.profile().account(Role.CLIENT), env.media().of(Role.CLIENT), app,
                    env.livekit().rooms(), env.browsers(), env.browserOptions().withNetworkPath(), Optional.of(env.newNetworkPath()))) {
                client.logIn();
                if (app.profile().flow().join() == dev.livecheck.profile.AppProfile.JoinVia.BOOKINGS) {
                    client.openBookings();
                }
                if (stall) {
                    client.network().stallSignalling();
                    System.out.println("  LiveKit's signalling now hangs for this browser (" + env.livekitUrlsForBrowsers()
                            + ": connections accepted, never answered)");
                } else {
                    System.out.println("  no fault injected: watching the app's own join");
                }
                client.joinLiveBooking();
                Timeline timeline = watchJoin(client, watch);
                System.out.println(timeline.render());
                System.out.println(verdict(timeline, client.session(), watch));
                if (System.console() != null) {
                    System.out.println("The browser stays open (headless unless -Dlivecheck.headless=false and a display). Press Enter to close.");
                    System.in.read();
                }
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        } catch (LivecheckException e) {
            System.err.println("repro: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /** Polls the page until it leaves "connecting" for good or the window ends, recording what happened when. */
    private static Timeline watchJoin(Participant client, Duration window) {
        Instant clicked = client.joinClickedAt().orElseThrow();
        Timeline events = new Timeline(clicked);
        events.add(clicked, "", "click", "\"Join Live Session\"");
        String[] lastState = {""};
        int[] consoleSeen = {0};
        try {
            await("the join settles (in the room or an error)").atMost(window).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<ConsoleLog.Line> lines = client.console().lines();
                for (ConsoleLog.Line line : lines.subList(consoleSeen[0], lines.size())) {
                    events.add(line.time(), "", "console", line.level().equals("INFO") ? line.message() : line.level() + " " + line.message());
                }
                consoleSeen[0] = lines.size();
                SessionPage page = client.session();
                String state = page.state() + " \"" + page.statusText() + "\"";
                if (!state.equals(lastState[0])) {
                    events.add("", "state", state);
                    lastState[0] = state;
                }
                return page.showsError() || page.isInRoom();
            });
        } catch (org.awaitility.core.ConditionTimeoutException stillConnecting) {
            events.add("", "watch", "ended after " + window.toSeconds() + " s");
        }
        return events;
    }

    private static String verdict(Timeline timeline, SessionPage page, Duration window) {
        Duration last = timeline.events().stream().map(e -> Duration.between(timeline.start(), e.at())).max(Duration::compareTo).orElse(Duration.ZERO);
        if (page.showsError()) {
            return String.format("stopped at: error after %.1f s — \"%s\"; Try Again offered: %s, Go Back offered: %s",
                    last.toMillis() / 1000.0, page.errorMessage(), page.offersTryAgain(), page.offersGoBack());
        }
        if (page.isInRoom()) {
            return String.format("stopped at: connected after %.1f s (no stuck connection reproduced)", last.toMillis() / 1000.0);
        }
        return "stopped at: STILL \"" + page.statusText() + "\" after " + window.toSeconds()
                + " s — the join never completed and never failed: no connection timeout (the stuck-connecting bug)";
    }
}
