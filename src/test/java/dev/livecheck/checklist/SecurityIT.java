package dev.livecheck.checklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.ErrorWording;
import dev.livecheck.check.Grants;
import dev.livecheck.check.Presence;
import dev.livecheck.check.Secrets;
import dev.livecheck.check.ServerView;
import dev.livecheck.check.Waits;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.junit.Call;
import dev.livecheck.junit.ChangesTheCall;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Needs;
import dev.livecheck.junit.Scenario;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.livekit.ServerApi;
import dev.livecheck.livekit.TokenClaims;
import dev.livecheck.profile.Feature;
import dev.livecheck.profile.RoleSource;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.livecheck.check.ErrorWording.Action.GO_BACK;
import static dev.livecheck.check.ErrorWording.Problem.NOT_FOUND;
import static dev.livecheck.check.ErrorWording.Problem.NOT_YOURS;
import static dev.livecheck.check.Waits.waitUntil;
import static dev.livecheck.profile.Feature.BOOKINGS;
import static dev.livecheck.junit.Call.Stage.CLIENT_IN_ROOM;
import static dev.livecheck.junit.Call.Stage.EACH_SEES_THE_OTHER;
import static dev.livecheck.junit.Call.Stage.SIGNED_IN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client must never be able to do, whatever its browser sends — on one call: before joining, someone else's
 * booking; in the call, its token's grants and the secret; last, a promotion it asks LiveKit for.
 */
@LiveCheck
@Scenario("a client's one call, tried for what it must not do")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("security")
@DisplayName("Security")
class SecurityIT {
    /** Grants a client's token must not carry. */
    private static final List<String> PRIVILEGED = List.of("roomAdmin", "roomRecord", "roomCreate", "roomList", "canUpdateOwnMetadata",
            "ingressAdmin", "recorder", "hidden", "agent");

    @Test
    @Order(1)
    @Checks("SEC-01")
    @Needs(BOOKINGS)
    @DisplayName("SEC-01 A client cannot get into someone else's booking")
    void aClientCannotGetIntoSomeoneElsesBooking(Call call, Rooms rooms, AppUnderTest app) {
        String theirs = app.profile().session("notTheirs").orElseThrow(() -> new LivecheckException("app profile " + app.profile().name()
                + " names no sessions.notTheirs (a booking the client is not part of): add one so SEC-01 can try it"));
        Participant client = call.reach(SIGNED_IN).client();
        client.open(app.profile().sessionPath(theirs));

        waitUntil("the client's page refuses booking " + theirs).until(() -> client.session().showsError());
        ErrorWording.assertActionable(client.name(), client.session().errorTitle() + " " + client.session().errorMessage(),
                client.session().offersGoBack() ? Set.of(GO_BACK) : Set.of(), app.profile(), Set.of(NOT_YOURS, NOT_FOUND), Set.of(GO_BACK));
        app.profile().api("token").ifPresent(route -> assertThat(client.request(route.method(), route.pathFor(theirs)).status())
                .as("the token route's answer for someone else's booking").isIn(401, 403, 404));
        assertThat(client.probe().tokens()).as("LiveKit tokens the client's page handed LiveKit").isEmpty();
        assertThat(rooms.participantsIn(app.profile().conventions().roomFor(theirs)::matches).values().stream().flatMap(List::stream).toList())
                .as("who LiveKit lists in booking %s's room", theirs).isEmpty();
    }

    @Test
    @Order(2)
    @Checks("SEC-02")
    @DisplayName("SEC-02 The client's token is least-privilege")
    void theClientsTokenIsLeastPrivilege(Participant client, Participant provider, Call call, Rooms rooms, LiveKitServer livekit) {
        call.reach(CLIENT_IN_ROOM);

        TokenClaims token = Grants.tokenOf(client);
        for (String grant : PRIVILEGED) {
            assertThat(token.grants(grant)).as("the client's token grants %s (%s)", grant, token.grants()).isFalse();
        }
        assertThat(client.expectedIdentity().matches(token.identity())).as("the token's identity %s is the client's (%s)",
                token.identity(), client.expectedIdentity()).isTrue();
        assertThat(provider.expectedIdentity().matches(token.identity())).as("the client's token names the provider").isFalse();
        assertThat(client.room().matches(token.room())).as("the token's room %s is the session's (%s)", token.room(), client.room()).isTrue();
        // what the grants say, tried on every door: LiveKit itself must refuse each privileged action to this token
        Grants.assertNoAdminPowers(client, livekit, ServerView.find(rooms, client).orElseThrow().room());
    }

    @Test
    @Order(4)
    @Checks("SEC-03")
    @ChangesTheCall
    @DisplayName("SEC-03 A client cannot promote itself")
    void aClientCannotPromoteItself(Participant client, Participant provider, Call call, Rooms rooms, LiveKitServer livekit, AppUnderTest app) {
        call.reach(EACH_SEES_THE_OTHER);
        ServerView.Listed before = ServerView.find(rooms, client).orElseThrow();

        Allure.step("the client's page asks LiveKit, on its own connection, to make it the " + provider.roleName(), () ->
                assertThat(client.probe().sendMetadataUpdate(promotion(app, provider.roleName()), Map.of("role", provider.roleName())))
                        .as("the client's signalling connection open").isTrue());
        Waits.throughout("LiveKit keeps the client as it was", Duration.ofSeconds(3), () -> {
            ServerView.Listed now = ServerView.find(rooms, client).orElseThrow();
            assertThat(now.info().getMetadata()).as("the client's metadata on LiveKit").isEqualTo(before.info().getMetadata());
            assertThat(now.info().getAttributesMap()).as("the client's attributes on LiveKit").isEqualTo(before.info().getAttributesMap());
        });
        ServerApi.Answer update = ServerApi.call(livekit, "RoomService", "UpdateParticipant", Grants.latestTokenOf(client),
                "{\"room\":\"" + before.room() + "\",\"identity\":\"" + client.identity() + "\",\"metadata\":" + json(promotion(app, provider.roleName())) + "}");
        assertThat(update.status()).as("LiveKit's answer to UpdateParticipant with the client's own token (%s)", update.body()).isEqualTo(401);
        if (app.profile().offers(Feature.ROLES)) {
            Presence.awaitPageShows(provider, client);
        }
        if (app.profile().offers(Feature.RECORDING)) {
            assertThat(client.session().showsRecordingControls()).as("provider controls on the client's page").isFalse();
        }
    }

    @Test
    @Order(3)
    @Checks("SEC-04")
    @DisplayName("SEC-04 The LiveKit API secret never reaches a browser")
    void theApiSecretNeverReachesABrowser(Participant provider, Participant client, Call call, LiveKitServer livekit) {
        String secret = livekit.credentials().apiSecret();
        call.reach(EACH_SEES_THE_OTHER); // every answer both browsers got, from their first page on, was watched for it

        for (Participant p : List.of(provider, client)) {
            Secrets.assertNeverReached(p, secret, "the LiveKit API secret");
        }
    }

    /** The metadata a client would give itself to become the other role, where the app keeps roles in metadata. */
    private static String promotion(AppUnderTest app, String role) {
        RoleSource source = app.profile().conventions().role();
        String field = source.kind() == RoleSource.Kind.METADATA ? source.field() : "role";
        return "{\"" + field + "\":\"" + role + "\"}";
    }

    private static String json(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
