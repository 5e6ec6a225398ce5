package dev.livecheck.livekit;

import dev.livecheck.redact.Redactor;

/** An API key and secret. The secret is registered for redaction and never printed. */
public record Credentials(String apiKey, String apiSecret) {
    public Credentials {
        Redactor.registerSecret(apiSecret);
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + apiKey + ", apiSecret=<redacted>]";
    }
}
