package dev.livecheck.checklist;

import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.ConsoleLog;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.Configuration;
import dev.livecheck.check.Presence;
import dev.livecheck.check.ServerView;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.Environment;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.Partial;
import dev.livecheck.profile.AppProfile;
import dev.livecheck.junit.Scenario;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.pages.SessionPage;
import dev.livecheck.profile.NamePattern;
import livekit.LivekitModels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.livecheck.profile.Feature.ROLES;
import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;
import static dev.livecheck.junit.Call.Stage.PROVIDER_IN_ROOM;
import static org.assertj.core.api.Assertions.assertThat;

/** The "both stuck on Waiting for…" troubleshooting guide, item by item. */
@LiveCheck
@Scenario("both in one call: what the troubleshooting guide has verified")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("diagnostics")
@DisplayName("Diagnostics: both see \"Waiting for…\"")
class DiagnosticsIT {
    @Test
    @Order(1)
    @Checks("D-01")
    @DisplayName("D-01 LiveKit environment variables are set")
    void livekitEnvironmentVariablesAreSet(Call call, Environment environment, Rooms rooms) {
        Participant provider = call.reach(PROVIDER_IN_ROOM).provider();

        Configuration.assertConfiguredFor(provider, environment.livekit(), environment.livekitUrlsForBrowsers());
        Presence.awaitServerLists(rooms, provider);
    }

    @Test
    @Order(2)
    @Checks("D-02")
    @DisplayName("D-02 Both users can access the same URL")
    void bothUsersAccessTheSameUrl(Participant provider, Participant client, Call call, AppUnderTest app) {
        call.reach(EACH_SEES_THE_OTHER);

        assertThat(client.driver().getCurrentUrl()).as("the client's session URL").isEqualTo(provider.driver().getCurrentUrl());
        assertThat(provider.currentPath().replaceFirst("[?#].*$", ""))
                .isEqualTo(app.profile().sessionPath(app.profile().liveSession()).replaceFirst("[?#].*$", ""));
        if (app.profile().flow().join() == AppProfile.JoinVia.URL) {
            // both typed the URL livecheck built from the profile: the app was not what led them to one session
            Partial.because("the app is joined by URL: both opened the session URL livecheck built from the profile, so only that the app kept"
                    + " both there is checked, not that the app led both to it");
        }
    }

    @Test
    @Order(3)
    @Checks("D-03")
    @DisplayName("D-03 Console shows connection success (no errors)")
    void consoleShowsConnectionSuccessWithoutErrors(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);
        Presence.awaitServerLists(rooms, provider, client);

        for (Participant p : List.of(provider, client)) {
            String room = ServerView.find(rooms, p).orElseThrow().room();
            p.profile().conventions().consoleLine("connected", Map.of("room", room)).ifPresent(line ->
                    assertThat(messages(p)).as("%s's console shows the connection (%s)", p.name(), line).anyMatch(line::foundIn));
            assertThat(p.console().errors()).as("%s's console errors", p.name()).isEmpty();
        }
    }

    @Test
    @Order(4)
    @Checks("D-04")
    @DisplayName("D-04 Console shows participants detected (2, with roles)")
    void consoleShowsParticipantsDetected(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);
        Presence.awaitServerLists(rooms, provider, client);
        if (provider.profile().conventions().consoleLine("participantsDetected", Map.of("count", "2")).isEmpty()
                && provider.profile().conventions().consoleLine("participant", Map.of("identity", "", "role", "")).isEmpty()) {
            // what joining already proved (both in the room, listed) is all that is left to check
            Partial.because("the app logs no participant lines (its profile has no conventions.console.participantsDetected or .participant):"
                    + " checked on the page and LiveKit only, not in the console");
        }

        for (Participant p : List.of(provider, client)) {
            p.profile().conventions().consoleLine("participantsDetected", Map.of("count", "2")).ifPresent(line ->
                    assertThat(messages(p)).as("%s's console counts 2 participants (%s)", p.name(), line).anyMatch(line::foundIn));
            for (Participant detected : List.of(provider, client)) {
                Optional<NamePattern> line = p.profile().conventions().consoleLine("participant",
                        Map.of("identity", detected.identity(), "role", detected.roleName()));
                line.ifPresent(l -> assertThat(messages(p)).as("%s's console lists %s (%s)", p.name(), detected, l).anyMatch(l::foundIn));
            }
            if (p.profile().participantList().isPresent()) {
                assertThat(p.session().participants()).as("%s's page lists both", p.name()).hasSizeGreaterThanOrEqualTo(
                        p.profile().participantList().get().includesSelf() ? 2 : 1);
            }
        }
    }

    @Test
    @Order(5)
    @Checks("D-05")
    @DisplayName("D-05 Room name matches on both sides")
    void roomNameMatches(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);

        Presence.awaitServerLists(rooms, provider, client);
        String room = ServerView.find(rooms, provider).orElseThrow().room();
        assertThat(provider.profile().liveRoom().matches(room)).as("room %s follows the app's convention %s", room, provider.profile().liveRoom()).isTrue();
        for (Participant p : List.of(provider, client)) {
            p.session().roomName().ifPresent(shown -> assertThat(shown).as("room on %s's page", p.name()).isEqualTo(room));
        }
        assertThat(rooms.list()).extracting(LivekitModels.Room::getName).as("rooms on the LiveKit server").containsExactly(room);
    }

    @Test
    @Order(6)
    @Checks("D-06")
    @DisplayName("D-06 Identities are correctly formatted (provider-{id}, client-{id})")
    void identitiesCorrectlyFormatted(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);

        List<String> identities = ServerView.everyoneInSession(rooms, provider).stream().map(LivekitModels.ParticipantInfo::getIdentity).toList();
        assertThat(identities).as("identities LiveKit lists").hasSize(2)
                .anyMatch(provider.expectedIdentity()::matches).anyMatch(client.expectedIdentity()::matches);
        for (Participant p : List.of(provider, client)) {
            p.session().localIdentity().ifPresent(shown ->
                    assertThat(shown).as("%s's identity on their page (convention %s)", p.name(), p.expectedIdentity()).matches(p.expectedIdentity()::matches));
        }
    }

    @Test
    @Order(7)
    @Checks("D-07")
    @Needs(ROLES)
    @DisplayName("D-07 Metadata includes role field")
    void metadataIncludesRole(Participant provider, Participant client, Call call, Rooms rooms) {
        call.reach(EACH_SEES_THE_OTHER);

        for (Participant p : List.of(provider, client)) {
            LivekitModels.ParticipantInfo info = ServerView.find(rooms, p).orElseThrow().info();
            assertThat(ServerView.roleOf(p, info)).as("%s's role (%s) on LiveKit: metadata %s, attributes %s", p.name(),
                    p.profile().conventions().role(), info.getMetadata(), info.getAttributesMap()).isEqualTo(p.roleName());
            p.profile().conventions().consoleLine("roleAssigned", Map.of("role", p.roleName())).ifPresent(line ->
                    assertThat(messages(p)).as("%s's console: role assigned (%s)", p.name(), line).anyMatch(line::foundIn));
        }
        if (provider.profile().participantList().flatMap(l -> l.role()).isPresent()) {
            assertThat(provider.session().participants()).extracting(SessionPage.Listed::identity, SessionPage.Listed::role)
                    .contains(org.assertj.core.groups.Tuple.tuple(client.identity(), client.roleName()));
            assertThat(client.session().participants()).extracting(SessionPage.Listed::identity, SessionPage.Listed::role)
                    .contains(org.assertj.core.groups.Tuple.tuple(provider.identity(), provider.roleName()));
        }
    }

    private static List<String> messages(Participant p) {
        return p.console().lines().stream().map(ConsoleLog.Line::message).toList();
    }
}
