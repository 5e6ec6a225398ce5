package dev.livecheck.refapp;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.Hidden;
import io.livekit.server.Recorder;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomCreate;
import io.livekit.server.RoomList;
import io.livekit.server.RoomName;
import io.livekit.server.RoomRecord;

import java.util.List;

/**
 * Mints LiveKit tokens server-side. The role comes from the booking and the logged-in account, never
 * from the request: identity {@code provider-{userId}} or {@code client-{userId}}, metadata
 * {@code {"role":"provider"}}, room {@code booking-{bookingId}} (other names with {@link Naming}).
 */
final class TokenIssuer {
    private final RefAppConfig config;

    TokenIssuer(RefAppConfig config) {
        this.config = config;
    }

    record JoinToken(String token, String identity, String room, String role, long expiresAtEpochSeconds) {
    }

    JoinToken forParticipant(Seed.User user, Seed.Booking booking) {
        boolean provider = config.has(Bug.ROLE_HARDCODED) || user.id().equals(booking.providerId());
        String role = config.naming().role(provider);
        String identity = config.has(Bug.IDENTITY_WITHOUT_ROLE_PREFIX) ? user.id() : role + "-" + user.id();
        String room = roomFor(booking, provider);
        AccessToken token = newToken();
        token.setIdentity(identity);
        token.setName(user.name());
        token.setMetadata(config.has(Bug.ROLE_METADATA_MISSING) ? "" : "{\"role\":\"" + role + "\"}");
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanPublish(true), new CanSubscribe(true), new CanPublishData(true),
                new CanPublishSources(List.of("camera", "microphone", "screen_share", "screen_share_audio")));
        if (config.has(Bug.CLIENT_TOKEN_ADMIN) && !provider) {
            token.addGrants(new RoomAdmin(true), new RoomList(true), new RoomCreate(true), new RoomRecord(true));
        }
        if (config.has(Bug.CLIENT_CAN_UPDATE_METADATA) && !provider) {
            token.addGrants(new CanUpdateOwnMetadata(true));
        }
        return new JoinToken(token.toJwt(), identity, room, role, expiry());
    }

    /** A hidden participant with the recorder grant: LiveKit marks the room as recording while it is in. */
    JoinToken forRecorder(Seed.Booking booking) {
        AccessToken token = newToken();
        String identity = "recorder-" + booking.id();
        token.setIdentity(identity);
        token.setName("Recorder");
        token.setMetadata("{\"role\":\"recorder\"}");
        String room = roomFor(booking, true);
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanSubscribe(true), new CanPublish(false),
                new Hidden(true), new Recorder(true));
        return new JoinToken(token.toJwt(), identity, room, "recorder", expiry());
    }

    /** The booking's room (the provider's, where a naming bug splits the two sides). */
    String room(Seed.Booking booking) {
        return roomFor(booking, true);
    }

    private String roomFor(Seed.Booking booking, boolean provider) {
        String room = config.naming().room(booking.id());
        return config.has(Bug.ROOM_NAME_MISMATCH) && !provider ? room.replace('-', '_') : room;
    }

    private AccessToken newToken() {
        AccessToken token = new AccessToken(config.apiKey(), config.apiSecret());
        token.setTtl(config.has(Bug.TOKEN_LIFETIME_IN_MS) ? config.tokenTtlSeconds() : config.tokenTtlSeconds() * 1000);
        return token;
    }

    private long expiry() {
        return System.currentTimeMillis() / 1000 + config.tokenTtlSeconds();
    }
}
