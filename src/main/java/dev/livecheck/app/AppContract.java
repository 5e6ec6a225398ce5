package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.media.Role;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What livecheck needs to know about an app: its accounts, its LIVE booking and an invalid one, and its
 * connection timeout. Defaults are in {@code testdata/app-contract.properties}; each key can be overridden
 * with {@code -Dlivecheck.app.<key>} or {@code LIVECHECK_APP_<KEY>}. The page contract (data-testids) is
 * documented in the README.
 */
public record AppContract(Account provider, Account client, String liveBookingId, String invalidBookingId, Duration connectTimeout,
                          Optional<String> groupBookingId, List<Account> groupClients) {

    public static AppContract load(Settings settings, Path file) {
        Properties defaults = new Properties();
        if (Files.isReadable(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                defaults.load(in);
            } catch (IOException e) {
                throw new LivecheckException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        Lookup lookup = key -> settings.get("livecheck.app." + key).orElseGet(() -> defaults.getProperty(key));
        return new AppContract(
                account(lookup, Role.PROVIDER, file),
                account(lookup, Role.CLIENT, file),
                require(lookup, "liveBookingId", file),
                require(lookup, "invalidBookingId", file),
                Duration.ofMillis(Long.parseLong(require(lookup, "connectTimeoutMs", file))),
                Optional.ofNullable(lookup.get("groupBookingId")).filter(s -> !s.isBlank()),
                groupClients(Optional.ofNullable(lookup.get("groupClients")).orElse(""), file));
    }

    /** {@code id:email:password,…} */
    private static List<Account> groupClients(String list, Path file) {
        List<Account> accounts = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 3);
            if (parts.length != 3) {
                throw new LivecheckException("app contract key 'groupClients' in " + file + ": '" + entry.trim()
                        + "' is not id:email:password");
            }
            accounts.add(new Account(Role.CLIENT, parts[1], parts[2], parts[0]));
        }
        return List.copyOf(accounts);
    }

    public Account account(Role role) {
        return role == Role.PROVIDER ? provider : client;
    }

    /** The room both sides must be in. */
    public String liveRoom() {
        return "booking-" + liveBookingId;
    }

    private interface Lookup {
        String get(String key);
    }

    private static Account account(Lookup lookup, Role role, Path file) {
        return new Account(role, require(lookup, role.id() + ".email", file), require(lookup, role.id() + ".password", file),
                require(lookup, role.id() + ".id", file));
    }

    private static String require(Lookup lookup, String key, Path file) {
        String value = lookup.get(key);
        if (value == null || value.isBlank()) {
            throw new LivecheckException("app contract key '" + key + "' is not set: add it to " + file
                    + " or pass -Dlivecheck.app." + key + "=...");
        }
        return value.trim();
    }
}
