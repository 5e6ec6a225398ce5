package dev.livecheck.profile;

import java.util.Optional;

/**
 * How the page lists the people in the room: one {@code entry} element per person, and where in it the
 * identity, display name and role are (each optional: an app may show only names).
 */
public record ParticipantList(Locator entry, Optional<Field> identity, Optional<Field> name, Optional<Field> role, boolean includesSelf) {
}
