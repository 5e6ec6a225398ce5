package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import dev.livecheck.profile.Feature;

import java.util.List;
import java.util.Set;

import static dev.livecheck.check.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection quality as LiveKit rates it (the {@code ConnectionQualityUpdate}s its server sends every page) and as
 * the app's page shows it. LiveKit scores loss, jitter, bitrate and missing layers; it barely counts delay (an added
 * 150 ms round trip costs under 2 of its 100 points), so a slow network alone does not lower it.
 */
public final class ConnectionQuality {
    private static final Set<String> BELOW_EXCELLENT = Set.of("GOOD", "POOR", "LOST");

    private ConnectionQuality() {
    }

    /** Every rating of {@code subject} that LiveKit sent {@code viewer}'s page so far, oldest first ("EXCELLENT", "GOOD", …). */
    public static List<String> ratingsOf(Participant subject, Participant viewer, Rooms rooms) {
        String sid = ServerView.find(rooms, subject).orElseThrow(() -> new AssertionError(subject + " is not in LiveKit's room")).info().getSid();
        return viewer.probe().connectionQualities().stream().filter(q -> sid.equals(q.get("sid"))).map(q -> String.valueOf(q.get("quality"))).toList();
    }

    /** The latest rating, "" before LiveKit sent any. */
    public static String latestOf(Participant subject, Participant viewer, Rooms rooms) {
        List<String> all = ratingsOf(subject, viewer, rooms);
        return all.isEmpty() ? "" : all.get(all.size() - 1);
    }

    /** LiveKit rates {@code subject} below excellent, as it tells {@code viewer}'s page. */
    public static void awaitServerRatesBelowExcellent(Participant subject, Participant viewer, Rooms rooms) {
        waitUntil("LiveKit rates " + subject.name() + "'s connection below excellent (as it tells " + viewer.name() + "'s page)").untilAsserted(() ->
                assertThat(latestOf(subject, viewer, rooms)).as("LiveKit's latest rating of %s", subject.name()).isIn(BELOW_EXCELLENT));
    }

    /** Where the app shows connection quality, {@code viewer}'s page shows {@code subject}'s below excellent. */
    public static void awaitPageShowsBelowExcellent(Participant subject, Participant viewer) {
        if (!viewer.profile().offers(Feature.CONNECTION_QUALITY)) {
            return;
        }
        waitUntil(viewer.name() + "'s page shows " + subject.name() + "'s connection below excellent").untilAsserted(() ->
                assertThat(viewer.session().connectionQualityOf(subject.asPerson())).as("quality shown for %s", subject.name())
                        .isIn("poor", "good", "lost"));
    }
}
