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

/** Waits until a server livecheck starts is ready (LiveKit answers "OK"), failing early if its process or container died. */
final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Readiness() {
    }

    static void awaitHttpOk(String httpUrl, Duration timeout, BooleanSupplier stillRunning, Supplier<String> logTail) {
        awaitReady("LiveKit", "answering OK on " + httpUrl, () -> answersOk(httpUrl), timeout, stillRunning, logTail);
    }

    /** Waits until {@code ready}; fails at once, with the log's last lines, if {@code what} exits first. */
    static void awaitReady(String what, String condition, BooleanSupplier ready, Duration timeout, BooleanSupplier stillRunning,
                           Supplier<String> logTail) {
        try {
            await(what + " " + condition)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!stillRunning.getAsBoolean()) {
                            throw new LivecheckException(what + " exited during start-up: " + diagnose(logTail.get()));
                        }
                        return ready.getAsBoolean();
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new LivecheckException(what + " was not " + condition + " within " + timeout.toSeconds() + " s: "
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
