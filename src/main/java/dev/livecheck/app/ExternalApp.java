package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.profile.AppProfile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** An app someone else runs ({@code livecheck.app.url}). Checked once for reachability, never stopped. */
public final class ExternalApp implements AppUnderTest {
    private final String baseUrl;
    private final AppProfile profile;

    public ExternalApp(String baseUrl, AppProfile profile) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.profile = profile;
        requireReachable(this.baseUrl);
    }

    static void requireReachable(String url) {
        try {
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
        } catch (IllegalArgumentException e) {
            throw new LivecheckException("livecheck.app.url '" + url + "' is not a URL: give e.g. http://localhost:8080");
        } catch (Exception e) {
            throw new LivecheckException("app at " + url + " is unreachable (" + e.getClass().getSimpleName() + "): "
                    + "start it, or fix livecheck.app.url");
        }
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public AppProfile profile() {
        return profile;
    }

    @Override
    public Optional<AppVariant> variant() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
