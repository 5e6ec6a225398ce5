package dev.livecheck.refapp;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * How the app names its two sides, rooms and console lines. {@code DEFAULT}: provider and client in room
 * {@code booking-{id}}. {@code MECHANIC}: the troubleshooting guide's own world — mechanic and customer,
 * room {@code session-{uuid}}, a device preflight before the room (skipped with {@code ?skipPreflight=true}),
 * and the guide's {@code [ParticipantMonitor]} / {@code [DIAGNOSTIC PAGE SECURITY]} console lines.
 * Set with {@code LIVECHECK_APP_NAMING=mechanic}.
 */
public enum Naming {
    DEFAULT("provider", "client", "Provider Bookings"),
    MECHANIC("mechanic", "customer", "Mechanic Bookings");

    private final String host;
    private final String guest;
    private final String hostBookingsTitle;

    Naming(String host, String guest, String hostBookingsTitle) {
        this.host = host;
        this.guest = guest;
        this.hostBookingsTitle = hostBookingsTitle;
    }

    public static Naming parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("default")) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown naming '" + value + "' in LIVECHECK_APP_NAMING: use default or mechanic");
        }
    }

    /** The role name of the booking's provider side. */
    public String host() {
        return host;
    }

    public String guest() {
        return guest;
    }

    public String role(boolean provider) {
        return provider ? host : guest;
    }

    public String hostBookingsTitle() {
        return hostBookingsTitle;
    }

    public String room(String bookingId) {
        return this == MECHANIC
                ? "session-" + UUID.nameUUIDFromBytes(("booking-" + bookingId).getBytes(StandardCharsets.UTF_8))
                : "booking-" + bookingId;
    }

    public boolean hasPreflight() {
        return this == MECHANIC;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
