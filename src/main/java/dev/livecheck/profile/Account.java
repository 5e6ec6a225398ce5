package dev.livecheck.profile;

import dev.livecheck.media.Role;

/**
 * Someone who uses the app: how they log in (when the app has a login), the id the app knows them by, and
 * the name they are shown with (typed into a pre-join name field where the app has one).
 */
public record Account(Role role, String username, String password, String id, String name) {
    @Override
    public String toString() {
        return role.id() + " " + (username.isEmpty() ? name : username);
    }
}
