package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.app.ReferenceAppProcess;
import dev.livecheck.browser.ConsoleLog;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Consultation;
import dev.livecheck.check.Metadata;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.Environment;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.pages.SessionPage;
import io.qameta.allure.Allure;
import livekit.LivekitModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The "both stuck on Waiting for…" troubleshooting guide, item by item. */
@LiveCheck
@Tag("diagnostics")
@DisplayName("Diagnostics: both see \"Waiting for…\"")
class DiagnosticsIT {
    @Test
    @Checks("D-01")
    @DisplayName("D-01 LiveKit environment variables are set")
    void livekitEnvironmentVariablesAreSet(Environment environment, Participant provider) {
        Assumptions.assumeTrue(environment.isReferenceApp(), "an external app's start-up configuration is not livecheck's to change");
        provider.open("/healthz");
        assertThat(provider.driver().getPageSource()).as("the running app's health").contains("\"livekit\":\"configured\"");

        for (String variable : List.of("LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET")) {
            Allure.step("the app refuses to start without " + variable, () -> {
                Map<String, String> env = new HashMap<>(environment.referenceAppVariables());
                env.remove(variable);
                ReferenceAppProcess.Exit exit = ReferenceAppProcess.runExpectingFailure(env, Duration.ofSeconds(15));
                assertThat(exit.code()).as("exit code without %s (output: %s)", variable, exit.output()).isNotZero().isNotEqualTo(Integer.MIN_VALUE);
                assertThat(exit.output()).as("what the app says without %s", variable).contains(variable + " is not set");
            });
        }
    }

    @Test
    @Checks("D-02")
    @DisplayName("D-02 Both users can access the same URL")
    void bothUsersAccessTheSameUrl(Participant provider, Participant client, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        String expected = app.baseUrl() + "/session/" + app.contract().liveBookingId();
        assertThat(provider.driver().getCurrentUrl()).isEqualTo(expected);
        assertThat(client.driver().getCurrentUrl()).isEqualTo(expected);
    }

    @Test
    @Checks("D-03")
    @DisplayName("D-03 Console shows connection success (no errors)")
    void consoleShowsConnectionSuccessWithoutErrors(Participant provider, Participant client) {
        Consultation.joinBoth(provider, client);

        for (Participant p : List.of(provider, client)) {
            assertThat(p.console().contains("Successfully connected to room")).as("%s's console shows the connection", p.name()).isTrue();
            assertThat(p.console().errors()).as("%s's console errors", p.name()).isEmpty();
        }
    }

    @Test
    @Checks("D-04")
    @DisplayName("D-04 Console shows participants detected (2, with roles)")
    void consoleShowsParticipantsDetected(Participant provider, Participant client) {
        Consultation.joinBoth(provider, client);

        for (Participant p : List.of(provider, client)) {
            assertThat(p.console().lines()).extracting(ConsoleLog.Line::message).as("%s's console", p.name())
                    .anySatisfy(line -> assertThat(line).startsWith("Participants detected: 2")
                            .contains(provider.identity() + " as provider", client.identity() + " as client"));
        }
    }

    @Test
    @Checks("D-05")
    @DisplayName("D-05 Room name matches on both sides")
    void roomNameMatches(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        String room = app.contract().liveRoom();
        assertThat(provider.session().roomName()).as("room on the provider's page").isEqualTo(room);
        assertThat(client.session().roomName()).as("room on the client's page").isEqualTo(room);
        assertThat(rooms.list()).extracting(LivekitModels.Room::getName).as("rooms on the LiveKit server").containsExactly(room);
        Presence.awaitServerLists(rooms, room, provider, client);
    }

    @Test
    @Checks("D-06")
    @DisplayName("D-06 Identities are correctly formatted (provider-{id}, client-{id})")
    void identitiesCorrectlyFormatted(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        assertThat(rooms.participants(app.contract().liveRoom())).extracting(LivekitModels.ParticipantInfo::getIdentity)
                .as("identities LiveKit lists").containsExactlyInAnyOrder(provider.identity(), client.identity());
        assertThat(provider.session().localIdentity()).isEqualTo("provider-" + app.contract().provider().userId());
        assertThat(client.session().localIdentity()).isEqualTo("client-" + app.contract().client().userId());
    }

    @Test
    @Checks("D-07")
    @DisplayName("D-07 Metadata includes role field")
    void metadataIncludesRole(Participant provider, Participant client, Rooms rooms, AppUnderTest app) {
        Consultation.joinBoth(provider, client);

        for (Participant p : List.of(provider, client)) {
            LivekitModels.ParticipantInfo info = rooms.participant(app.contract().liveRoom(), p.identity()).orElseThrow();
            assertThat(Metadata.role(info.getMetadata())).as("role in %s's metadata %s", p.identity(), info.getMetadata()).isEqualTo(p.role().id());
        }
        assertThat(provider.session().participants()).contains(new SessionPage.Listed(client.identity(), "client"));
        assertThat(client.session().participants()).contains(new SessionPage.Listed(provider.identity(), "provider"));
    }
}
