package dev.livecheck.livekit;

import dev.livecheck.config.LivecheckException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/** Waits until LiveKit answers "OK" on its HTTP port, failing early if the process or container died. */
final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {
    }

    static void awaitHttpOk(String httpUrl, Duration timeout, BooleanSupplier stillRunning, Supplier<String> logTail) {
        try {
            await("LiveKit answering OK on " + httpUrl)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!stillRunning.getAsBoolean()) {
                            throw new LivecheckException("LiveKit exited during start-up: " + diagnose(logTail.get()));
                        }
                        return answersOk(httpUrl);
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new LivecheckException("LiveKit did not answer on " + httpUrl + " within " + timeout.toSeconds() + " s: "
                    + diagnose(logTail.get()));
        }
    }

    static boolean answersOk(String httpUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(httpUrl + "/")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static String diagnose(String tail) {
        if (tail.contains("address already in use")) {
            return "a port is already taken (" + lastLineWith(tail, "address already in use") + "): free it or let livecheck pick ports (unset livecheck.livekit.port)";
        }
        return "last log lines:\n" + tail;
    }

    private static String lastLineWith(String text, String needle) {
        String found = "";
        for (String line : text.split("\n")) {
            if (line.contains(needle)) {
                found = line.trim();
            }
        }
        return found;
    }
}
