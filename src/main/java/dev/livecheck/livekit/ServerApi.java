package dev.livecheck.livekit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * LiveKit's server API (Twirp) called with a token of livecheck's choosing — e.g. a participant's own token,
 * to see what LiveKit lets that participant do.
 */
public final class ServerApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private ServerApi() {
    }

    public record Answer(int status, String body) {
    }

    /** POST {@code /twirp/livekit.<service>/<method>} with the token as bearer; the answer, whatever it is. */
    public static Answer call(LiveKitServer server, String service, String method, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.httpUrl() + "/twirp/livekit." + service + "/" + method))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }
}
