package dev.livecheck.redact;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Scrubs secrets from text before it lands in a report or log: anything shaped like a JWT, plus
 * every value registered with {@link #registerSecret(String)} (the LiveKit API secret of every
 * server livecheck talks to is registered as its credentials are created).
 */
public final class Redactor {

    public static final String JWT_PLACEHOLDER = "<redacted-jwt>";
    public static final String SECRET_PLACEHOLDER = "<redacted>";

    /** Shorter values would redact ordinary words and numbers all over the report. */
    static final int MIN_SECRET_LENGTH = 8;

    /**
     * A JWT, or any piece of one that still starts with its header: base64url of {@code {"} is {@code eyJ}. A console
     * line Chromium cut short keeps a token's header and payload without the signature; a message cut at 300 characters
     * may keep only part of the header. Both are a piece of the token and go too.
     */
    private static final Pattern JWT =
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}(?:\\.[A-Za-z0-9_-]*){0,2}");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redactor() {
    }

    /** Remembers a secret for the rest of the JVM's life; null and values under 8 chars are ignored. */
    public static void registerSecret(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            SECRETS.add(secret);
        }
    }

    /** What of a secret's shape {@code text} still holds, described without revealing it; empty when clean. */
    public static java.util.List<String> leaksIn(String text) {
        java.util.List<String> leaks = new java.util.ArrayList<>();
        if (JWT.matcher(text).find()) {
            leaks.add("a JWT (or a piece of one)");
        }
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                leaks.add("a registered secret (" + secret.length() + " chars)");
            }
        }
        return leaks;
    }

    /** Returns {@code text} with registered secrets and JWTs replaced; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        // Longest first, so a secret that contains another one is replaced whole.
        for (String secret : SECRETS.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, SECRET_PLACEHOLDER);
        }
        return JWT.matcher(result).replaceAll(JWT_PLACEHOLDER);
    }
}
