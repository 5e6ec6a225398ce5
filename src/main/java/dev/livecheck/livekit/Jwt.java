package dev.livecheck.livekit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.livecheck.config.LivecheckException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * LiveKit access tokens (HS256 JWTs) as livecheck needs them: does a token verify with the API secret
 * livecheck knows, and the same token re-signed with another lifetime (to hand a page an expired one).
 * Tokens pass through here; they are never logged.
 */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {
    }

    /** Whether the token's signature is the secret's (HS256). */
    public static boolean verifies(String jwt, String secret) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        byte[] expected = hmac(parts[0] + "." + parts[1], secret);
        return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
    }

    /** The same claims, valid from {@code notBefore} to {@code expires}, signed with the key livecheck knows. */
    public static String resign(String jwt, Credentials key, Instant notBefore, Instant expires) {
        ObjectNode payload = payload(jwt);
        payload.put("iss", key.apiKey());
        payload.put("nbf", notBefore.getEpochSecond());
        payload.put("exp", expires.getEpochSecond());
        return sign(payload, key.apiSecret());
    }

    static ObjectNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new LivecheckException("not a JWT: a LiveKit token has three parts");
        }
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (Exception e) {
            throw new LivecheckException("the token's payload is not JSON: " + e.getMessage());
        }
    }

    static String sign(ObjectNode payload, String secret) {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = B64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + "." + B64.encodeToString(hmac(header + "." + body, secret));
    }

    private static byte[] hmac(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
