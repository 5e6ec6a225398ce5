package dev.livecheck.refapp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The accounts and bookings the reference app serves, read from testdata/reference-app/seed.json. */
public record Seed(List<User> users, List<Booking> bookings) {
    public record User(String id, String email, String password, String name, String role) {
        public boolean isProvider() {
            return "provider".equals(role);
        }
    }

    /** A booking between a provider and a client; a group session also lists {@code otherClientIds}. */
    public record Booking(String id, String providerId, String clientId, List<String> otherClientIds, String status, String title, String startsAt) {
        public Booking {
            otherClientIds = otherClientIds == null ? List.of() : List.copyOf(otherClientIds);
        }

        public boolean isLive() {
            return "LIVE".equals(status);
        }

        public boolean involves(User user) {
            return user.id().equals(providerId) || user.id().equals(clientId) || otherClientIds.contains(user.id());
        }
    }

    public static Seed read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Seed.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the reference app's seed " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    public Optional<User> login(String email, String password) {
        return users.stream().filter(u -> u.email().equalsIgnoreCase(email) && u.password().equals(password)).findFirst();
    }

    public Optional<User> user(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Booking> booking(String id) {
        return bookings.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public List<Booking> bookingsOf(User user) {
        return bookings.stream().filter(b -> b.involves(user)).toList();
    }
}
