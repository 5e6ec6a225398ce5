package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;
import io.livekit.server.RoomServiceClient;
import livekit.LivekitModels;
import retrofit2.Call;
import retrofit2.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** LiveKit's own view of rooms and participants (RoomService), the evidence for presence checks. */
public final class Rooms {
    private final RoomServiceClient client;
    private final io.livekit.server.EgressServiceClient egress;
    private final String url;

    public Rooms(String httpUrl, Credentials credentials) {
        this.url = httpUrl;
        this.client = RoomServiceClient.createClient(httpUrl, credentials.apiKey(), credentials.apiSecret());
        this.egress = io.livekit.server.EgressServiceClient.createClient(httpUrl, credentials.apiKey(), credentials.apiSecret());
    }

    /** The room's recordings and streams as LiveKit's Egress service lists them (none where the deployment has no Egress). */
    public List<livekit.LivekitEgress.EgressInfo> egress(String room) {
        try {
            List<livekit.LivekitEgress.EgressInfo> listed = callAllowingMissing(egress.listEgress(room), "ListEgress");
            return listed == null ? List.of() : listed;
        } catch (IllegalStateException noEgress) {
            // LiveKit without Egress (no Redis) answers "egress not connected"
            return List.of();
        }
    }

    public List<LivekitModels.Room> list() {
        return call(client.listRooms(null), "ListRooms");
    }

    public Optional<LivekitModels.Room> room(String name) {
        return call(client.listRooms(List.of(name)), "ListRooms").stream().findFirst();
    }

    /** Everyone LiveKit lists in the room; none when the room doesn't exist (or was just closed). */
    public List<LivekitModels.ParticipantInfo> participants(String room) {
        List<LivekitModels.ParticipantInfo> listed = callAllowingMissing(client.listParticipants(room), "ListParticipants");
        return listed == null ? List.of() : listed;
    }

    public Optional<LivekitModels.ParticipantInfo> participant(String room, String identity) {
        return participants(room).stream().filter(p -> p.getIdentity().equals(identity)).findFirst();
    }

    /** The rooms whose name the predicate accepts (e.g. the app's room convention). */
    public List<LivekitModels.Room> matching(Predicate<String> name) {
        return list().stream().filter(r -> name.test(r.getName())).toList();
    }

    /** Everyone in the rooms whose name the predicate accepts, by room. */
    public Map<String, List<LivekitModels.ParticipantInfo>> participantsIn(Predicate<String> room) {
        Map<String, List<LivekitModels.ParticipantInfo>> byRoom = new LinkedHashMap<>();
        for (LivekitModels.Room r : matching(room)) {
            byRoom.put(r.getName(), participants(r.getName()));
        }
        return byRoom;
    }

    /** The identity of someone matching {@code identity} in a room matching {@code room}: how a made-up identity is found. */
    public Optional<String> findIdentity(Predicate<String> identity, Predicate<String> room) {
        return participantsIn(room).values().stream().flatMap(List::stream).map(LivekitModels.ParticipantInfo::getIdentity)
                .filter(identity).findFirst();
    }

    public void delete(String room) {
        callAllowingMissing(client.deleteRoom(room), "DeleteRoom");
    }

    /** Deletes every room, so the next test starts from an empty server. */
    public void deleteAll() {
        list().forEach(r -> delete(r.getName()));
    }

    private <T> T call(Call<T> call, String what) {
        return call(call, what, false);
    }

    /** A missing room answers 404 (LiveKit's "not_found"): null rather than an error. */
    private <T> T callAllowingMissing(Call<T> call, String what) {
        return call(call, what, true);
    }

    private <T> T call(Call<T> call, String what, boolean missingIsNull) {
        try {
            Response<T> response = call.execute();
            if (missingIsNull && response.code() == 404) {
                return null;
            }
            if (response.code() == 401) {
                throw new LivecheckException("LiveKit at " + url + " rejected the API key/secret (" + what + " answered 401): "
                        + "check LIVEKIT_API_KEY and LIVEKIT_API_SECRET");
            }
            if (!response.isSuccessful()) {
                throw new IllegalStateException("LiveKit " + what + " failed: HTTP " + response.code() + " " + response.message());
            }
            return response.body();
        } catch (IOException e) {
            throw new LivecheckException("LiveKit at " + url + " is unreachable (" + what + "): " + e.getMessage(), e);
        }
    }
}
