package dev.livecheck.evidence;

import dev.livecheck.redact.FakeJwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private Timeline current;

    @AfterEach
    void end() {
        if (current != null) {
            current.end();
        }
    }

    @Test
    void eventsAreTimedFromTheStartAndFromTheFirstClickInTimeOrder() {
        Timeline timeline = new Timeline(START);
        timeline.add(START.plusMillis(5_110), "client", "console", "SEVERE Could not connect");
        timeline.click(START.plusMillis(1_000), "client", "join starts");
        timeline.add(START.plusMillis(1_200), "", "wait", "waits for the page to connect");
        timeline.click(START.plusMillis(3_000), "provider", "join starts");

        assertThat(timeline.render()).isEqualTo(String.join("\n",
                "  +  1.00s  click +  0.00s  client    click    join starts",
                "  +  1.20s  click +  0.20s            wait     waits for the page to connect",
                "  +  3.00s  click +  2.00s  provider  click    join starts",
                "  +  5.11s  click +  4.11s  client    console  SEVERE Could not connect"));
    }

    @Test
    void withoutClicksOrParticipantsItReadsAsTheReproductionAlwaysDid() {
        Timeline timeline = new Timeline(START);
        timeline.add(START, "", "click", "\"Join Live Session\"");
        timeline.add(START.plusMillis(5_150), "", "state", "error \"Not connected\"");

        assertThat(timeline.render()).isEqualTo(String.join("\n",
                "  +  0.00s  click    \"Join Live Session\"",
                "  +  5.15s  state    error \"Not connected\""));
    }

    @Test
    void tokensNeverReachTheTimeline() {
        Timeline timeline = new Timeline(START);
        String jwt = FakeJwt.of("client-202");
        timeline.add(START, "client", "console", "signal connecting to ws://127.0.0.1/rtc?access_token=" + jwt);

        assertThat(timeline.render()).contains("access_token=<redacted-jwt>").doesNotContain(jwt);
    }

    @Test
    void pageStatesAndClicksOfAWatchedBrowserGoOnItsTimelineOnceEachChange() {
        current = Timeline.begin();
        org.openqa.selenium.WebDriver page = aPage();
        current.watch(page, "client");

        Timeline.pageState(page, "connecting");
        Timeline.pageState(page, "connecting");
        Timeline.joinStarted(page);
        Timeline.pageState(page, "error");

        assertThat(current.events()).extracting(e -> e.who() + " " + e.kind() + " " + e.text())
                .containsExactly("client state connecting", "client click join starts", "client state error");
        assertThat(current.whoOf("client clicks join on booking 5001")).isEqualTo("client");
        assertThat(Timeline.current()).contains(current);
        current.end();
        Timeline.pageState(page, "connected");
        assertThat(current.events()).hasSize(3);
        assertThat(Timeline.current()).isEmpty();
    }

    /** A stand-in browser: the timeline only needs it as a key. */
    private static org.openqa.selenium.WebDriver aPage() {
        return (org.openqa.selenium.WebDriver) java.lang.reflect.Proxy.newProxyInstance(TimelineTest.class.getClassLoader(),
                new Class<?>[] {org.openqa.selenium.WebDriver.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
