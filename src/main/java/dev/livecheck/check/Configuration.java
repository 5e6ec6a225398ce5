package dev.livecheck.check;

import dev.livecheck.browser.Participant;
import dev.livecheck.livekit.Jwt;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.TokenClaims;
import io.qameta.allure.Allure;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the app runs with the LiveKit configuration it should, judged by what it does, not by its insides:
 * the token it hands the browser verifies with the API key and secret of the LiveKit livecheck knows
 * (LIVEKIT_API_KEY, LIVEKIT_API_SECRET), names the room and identity the app's conventions say, and the page
 * connects to a LiveKit URL that leads to that LiveKit (LIVEKIT_URL).
 */
public final class Configuration {
    private Configuration() {
    }

    /** @param livekitUrls the URLs (scheme, host, port) that lead browsers to livecheck's LiveKit */
    public static void assertConfiguredFor(Participant p, LiveKitServer livekit, Set<String> livekitUrls) {
        String token = Grants.latestToken(p);
        TokenClaims claims = TokenClaims.decode(token);
        String signalling = p.probe().signallingUrls().stream().reduce((a, b) -> b).orElse("");
        Allure.addAttachment(p.name() + " — LiveKit configuration seen", "text/plain", "signalling URL " + signalling
                + "\nissuer " + claims.issuer() + "\nroom " + claims.room() + "\nidentity " + claims.identity());
        assertThat(origin(signalling)).as("LIVEKIT_URL: the page connects to %s, which does not lead to livecheck's LiveKit (%s)", signalling, livekitUrls)
                .isIn(livekitUrls.stream().map(Configuration::origin).toList());
        assertThat(claims.issuer()).as("LIVEKIT_API_KEY: the token is issued by key '%s', LiveKit's key is '%s'", claims.issuer(),
                livekit.credentials().apiKey()).isEqualTo(livekit.credentials().apiKey());
        assertThat(Jwt.verifies(token, livekit.credentials().apiSecret()))
                .as("LIVEKIT_API_SECRET: the token's signature does not verify with the secret of livecheck's LiveKit").isTrue();
        assertThat(p.room().matches(claims.room())).as("the token's room '%s' follows the app's convention %s", claims.room(), p.room()).isTrue();
        assertThat(p.expectedIdentity().matches(claims.identity()))
                .as("the token's identity '%s' follows the app's convention %s", claims.identity(), p.expectedIdentity()).isTrue();
    }

    /** {@code ws://127.0.0.1:7880/rtc} → {@code 127.0.0.1:7880}; http and ws, https and wss are the same place. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            boolean secure = List.of("wss", "https").contains(uri.getScheme());
            int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
            return (uri.getHost() == null ? "" : uri.getHost().replace("localhost", "127.0.0.1")) + ":" + port;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
