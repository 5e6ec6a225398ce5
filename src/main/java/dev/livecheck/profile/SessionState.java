package dev.livecheck.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a join stands, as the page shows it. {@link #ABSENT}: no rule of the profile matched. */
public enum SessionState {
    CONNECTING, WAITING, CONNECTED, RECONNECTING, ERROR, ENDED, ABSENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In the room: alone (waiting for the other side) or with them. */
    public boolean inRoom() {
        return this == WAITING || this == CONNECTED;
    }

    public static Optional<SessionState> parse(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
