package dev.livecheck.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a Selenium Grid says of itself at {@code /status}: its nodes, and on each the slots free per browser. Read before
 * a run, so a wrong URL or a full Grid ends the run in seconds with one line, and so the number of classes run at once
 * comes from the Grid's free slots, not from this machine's cores (the browsers are the Grid's, not ours).
 */
public record GridStatus(URI url, boolean ready, String message, List<Node> nodes) {
    /** How long a Grid may take to answer /status before the run is refused: a Grid that slow would not start browsers either. */
    public static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node as the Grid sees it: where it is, whether it takes sessions, and its slots. */
    public record Node(String uri, String availability, int maxSessions, List<Slot> slots) {
        /** Sessions this node would still start for the browser: free matching slots, as far as its session cap allows. */
        public int free(String browserName) {
            if (!"UP".equalsIgnoreCase(availability)) {
                return 0;
            }
            long busy = slots.stream().filter(Slot::busy).count();
            long matching = slots.stream().filter(s -> !s.busy() && s.browserName().equalsIgnoreCase(browserName)).count();
            return (int) Math.max(0, Math.min(matching, maxSessions - busy));
        }

        int total(String browserName) {
            return (int) Math.min(maxSessions, slots.stream().filter(s -> s.browserName().equalsIgnoreCase(browserName)).count());
        }
    }

    /** One slot: the browser its stereotype names, and the session holding it, if any. */
    public record Slot(String browserName, Optional<String> sessionId) {
        public boolean busy() {
            return sessionId.isPresent();
        }
    }

    /** Asks the Grid at {@code url}; anything but a Selenium Grid 4 answering in time is one line naming the fix. */
    public static GridStatus read(URI url) {
        URI status = statusOf(url);
        HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(status).timeout(ANSWER_WITHIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw refused(url, "no answer from " + status + " within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (ConnectException e) {
            throw refused(url, "nothing answers at " + url.getHost() + ":" + port(url) + " (connection refused)");
        } catch (IOException e) {
            throw refused(url, "cannot reach " + status + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(url, "interrupted while asking " + status);
        }
        if (response.statusCode() != 200) {
            throw refused(url, status + " answered HTTP " + response.statusCode() + ": not a Selenium Grid 4 (its /status answers 200)");
        }
        return parse(url, response.body());
    }

    /** The Grid's answer to /status, read; an answer that is not a Grid 4 status is refused. */
    public static GridStatus parse(URI url, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body).path("value");
        } catch (IOException e) {
            throw refused(url, "/status did not answer JSON: not a Selenium Grid 4");
        }
        if (!value.has("ready")) {
            throw refused(url, "/status answered without value.ready: not a Selenium Grid 4");
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode node : value.path("nodes")) {
            List<Slot> slots = new ArrayList<>();
            for (JsonNode slot : node.path("slots")) {
                JsonNode session = slot.path("session");
                Optional<String> id = session.isMissingNode() || session.isNull() ? Optional.empty()
                        : Optional.of(session.path("sessionId").asText("?"));
                slots.add(new Slot(slot.path("stereotype").path("browserName").asText(""), id));
            }
            nodes.add(new Node(node.path("uri").asText("?"), node.path("availability").asText("UP"),
                    node.path("maxSessions").asInt(slots.size()), List.copyOf(slots)));
        }
        return new GridStatus(url, value.path("ready").asBoolean(false), value.path("message").asText(""), List.copyOf(nodes));
    }

    /** The node holding this session: where a test's browser runs. */
    public Optional<Node> nodeOf(String sessionId) {
        return nodes.stream().filter(n -> n.slots().stream().anyMatch(s -> s.sessionId().filter(sessionId::equals).isPresent())).findFirst();
    }

    /** Sessions the whole Grid would start now for the browser. */
    public int free(String browserName) {
        return nodes.stream().mapToInt(n -> n.free(browserName)).sum();
    }

    /**
     * How many checklist classes the Grid carries at once, each needing these browsers ({@code chrome → 2}): the fewest
     * over the browsers, at least one. Refuses, in one line, a Grid that is not ready, offers none of a browser, or has
     * no room for one class now.
     */
    public int classesAtOnce(Map<String, Integer> browsersPerClass) {
        // a Grid whose every slot is taken calls itself not ready too: that is "full", said below with its numbers
        if (!ready && nodes.stream().noneMatch(n -> "UP".equalsIgnoreCase(n.availability()))) {
            throw refused(url, "the Grid is not ready (" + (message.isBlank() ? "no node registered" : message) + "): start its nodes, or wait for them to register");
        }
        int classes = Integer.MAX_VALUE;
        for (Map.Entry<String, Integer> need : browsersPerClass.entrySet()) {
            String browser = need.getKey();
            int total = nodes.stream().mapToInt(n -> n.total(browser)).sum();
            if (total == 0) {
                throw refused(url, "no node offers " + browser + " (nodes offer: " + offered() + "): add a " + browser + " node, or choose the browsers it has with livecheck.browsers");
            }
            int free = free(browser);
            if (free < need.getValue()) {
                throw refused(url, "the Grid is full: " + free + " of " + total + " " + browser + " slots free on " + nodes.size()
                        + " node(s), a test needs " + need.getValue() + " — wait for its sessions to end, or add nodes");
            }
            classes = Math.min(classes, free / need.getValue());
        }
        return Math.max(1, classes == Integer.MAX_VALUE ? 1 : classes);
    }

    /** Per node, for a start-up line: {@code http://10.77.0.11:5555 UP chrome 2/2 free}. */
    public String describe() {
        return nodes.stream().map(n -> n.uri() + " " + n.availability() + " " + n.slots().stream().map(Slot::browserName).distinct()
                        .map(b -> b + " " + n.free(b) + "/" + n.total(b) + " free").collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private String offered() {
        String offered = nodes.stream().flatMap(n -> n.slots().stream()).map(Slot::browserName).distinct().collect(Collectors.joining(", "));
        return offered.isEmpty() ? "nothing — no node registered" : offered;
    }

    private static URI statusOf(URI url) {
        String base = url.toString().replaceAll("/+$", "").replaceAll("/wd/hub$", "");
        return URI.create(base + "/status");
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    }

    private static LivecheckException refused(URI url, String why) {
        return new LivecheckException("livecheck.grid.url=" + url + ": " + why);
    }
}
