package dev.livecheck.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A JWT-shaped string built at run time, so no token-like literal sits in the repository. */
public final class FakeJwt {
    private FakeJwt() {
    }

    public static String of(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not-a-signature".getBytes(StandardCharsets.UTF_8));
    }
}
