package dev.livecheck.selftest;

import dev.livecheck.profile.Account;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.app.AppUnderTest;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.junit.Environment;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.junit.Participants;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.media.Rgb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * A provider and k clients in one room (k = livecheck.clients, 3 by default on 2 cores): everyone sees
 * everyone, on every page and on the server, and every camera reaches every other page in its own colour.
 */
@LiveCheck
@Tag("selftest")
@Isolated
class MoreParticipantsIT {
    private static final List<Rgb> COLOURS = List.of(new Rgb(51, 102, 204), new Rgb(40, 170, 60), new Rgb(220, 200, 40), new Rgb(200, 60, 200));
    private static final List<Integer> TONES = List.of(660, 550, 770, 880);

    @Test
    void providerAndKClientsAllSeeAndHearEachOther(Participant provider, Participants participants, Environment env, Rooms rooms, AppUnderTest app) {
        String booking = app.profile().session("group").orElse(null);
        Assumptions.assumeTrue(booking != null, "the app's profile names no group session (sessions.group)");
        int k = Integer.getInteger("livecheck.clients", 3);
        List<Account> accounts = new ArrayList<>(List.of(app.profile().account(dev.livecheck.media.Role.CLIENT)));
        accounts.addAll(app.profile().groupAccounts());
        Assumptions.assumeTrue(accounts.size() >= k, "the app's profile lists fewer than " + k + " clients (accounts.client and accounts.group)");

        List<Participant> everyone = new ArrayList<>(List.of(provider));
        for (int i = 0; i < k; i++) {
            everyone.add(participants.start("client" + (i + 1), accounts.get(i), env.media().custom("client" + (i + 1), COLOURS.get(i), TONES.get(i))));
        }
        for (Participant p : everyone) {
            p.logIn();
            p.openBookings();
            p.join(booking);
        }

        for (Participant viewer : everyone) {
            for (Participant other : everyone) {
                if (viewer != other) {
                    Presence.awaitPageShows(viewer, other);
                }
            }
        }
        Presence.awaitServerLists(rooms, everyone.toArray(Participant[]::new));
        for (Participant receiver : everyone) {
            for (Participant sender : everyone) {
                if (receiver != sender) {
                    MediaFlow.awaitVideoFrom(sender, receiver);
                }
            }
        }
        for (Participant client : everyone.subList(1, everyone.size())) {
            MediaFlow.awaitAudioFrom(provider, client);
            MediaFlow.awaitAudioFrom(client, provider);
        }
    }
}
