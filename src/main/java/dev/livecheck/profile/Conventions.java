package dev.livecheck.profile;

import dev.livecheck.media.Role;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the app names things on LiveKit and what it promises: the room template ({@code booking-{session}}),
 * each role's identity template ({@code provider-{id}}), where the role is kept, the connection timeout it
 * promises, how long it keeps reconnecting after the network goes before it says so, and (optionally) the
 * console lines it prints while joining.
 */
public record Conventions(String room, Map<Role, String> identity, RoleSource role, Duration connectTimeout, Duration reconnectGiveUp,
                          Map<String, String> console) {
    /** How long an app may keep reconnecting before it must tell the user, when its profile does not say. */
    public static final Duration DEFAULT_RECONNECT_GIVE_UP = Duration.ofSeconds(60);

    /** Console line keys a profile may give. */
    public static final Map<String, String> CONSOLE_KEYS = Map.of(
            "joinStarted", "printed when the join starts ({session})",
            "connected", "printed once connected ({room})",
            "participantsDetected", "printed when the participants are counted ({count})",
            "participant", "one participant as the page detected it ({identity}, {role}, {ROLE})",
            "roleAssigned", "the role the page assigned itself ({role}, {ROLE})");

    public NamePattern roomFor(String session) {
        return NamePattern.of(room, Map.of("session", session), "conventions.room");
    }

    public NamePattern identityOf(Account account, String roleName) {
        return NamePattern.of(identity.get(account.role()), values(account, roleName), "conventions.identity." + account.role().id());
    }

    /** The console line the app prints for {@code key}, with these values; empty when the profile gives none. */
    public Optional<NamePattern> consoleLine(String key, Map<String, String> values) {
        return Optional.ofNullable(console.get(key)).map(t -> NamePattern.of(t, values, "conventions.console." + key));
    }

    private static Map<String, String> values(Account account, String roleName) {
        Map<String, String> values = new HashMap<>();
        values.put("id", account.id());
        values.put("name", account.name());
        values.put("username", account.username());
        values.put("role", roleName);
        return values;
    }
}
