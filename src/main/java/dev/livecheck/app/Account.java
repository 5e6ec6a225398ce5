package dev.livecheck.app;

import dev.livecheck.media.Role;

/** A login of the app under test. Its LiveKit identity is {@code provider-{id}} or {@code client-{id}}. */
public record Account(Role role, String email, String password, String userId) {
    public String identity() {
        return role.id() + "-" + userId;
    }

    @Override
    public String toString() {
        return role.id() + " " + email;
    }
}
