package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Rooms;
import livekit.LivekitModels;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LiveKit's own view of a participant: in which of the session's rooms, and as what. */
public final class ServerView {
    private ServerView() {
    }

    /** A participant LiveKit lists, and the room it lists them in. */
    public record Listed(String room, LivekitModels.ParticipantInfo info) {
    }

    /** Where LiveKit lists this participant, among the rooms the app's room convention allows for the participant's session. */
    public static Optional<Listed> find(Rooms rooms, Participant p) {
        for (Map.Entry<String, List<LivekitModels.ParticipantInfo>> room : rooms.participantsIn(p.room()::matches).entrySet()) {
            for (LivekitModels.ParticipantInfo info : room.getValue()) {
                if (p.expectedIdentity().matches(info.getIdentity())) {
                    return Optional.of(new Listed(room.getKey(), info));
                }
            }
        }
        return Optional.empty();
    }

    /** Everyone LiveKit lists in the rooms the participant's session may be in. */
    public static List<LivekitModels.ParticipantInfo> everyoneInSession(Rooms rooms, Participant anyone) {
        return rooms.participantsIn(anyone.room()::matches).values().stream().flatMap(List::stream).toList();
    }

    /** The role LiveKit holds for the participant, where the app keeps one ("" when none). */
    public static String roleOf(Participant p, LivekitModels.ParticipantInfo info) {
        return p.profile().conventions().role().roleOf(info).orElse("");
    }
}
