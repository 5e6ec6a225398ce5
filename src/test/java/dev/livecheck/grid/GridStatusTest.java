package dev.livecheck.grid;

import com.sun.net.httpserver.HttpServer;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.net.Ports;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a Grid's /status: free slots per browser, and one line for a Grid that can't take a run. */
class GridStatusTest {
    private static final URI GRID = URI.create("http://grid:4444");

    /** Two nodes of two chrome slots; one session busy on the second (shape of Grid 4.48's answer, trimmed). */
    private static final String TWO_NODES = """
            {"value": {"ready": true, "message": "Selenium Grid ready.", "nodes": [
              {"id": "a", "uri": "http://10.77.0.11:5555", "maxSessions": 2, "availability": "UP", "slots": [
                {"id": {"hostId": "a", "id": "1"}, "session": null, "stereotype": {"browserName": "chrome"}},
                {"id": {"hostId": "a", "id": "2"}, "session": null, "stereotype": {"browserName": "chrome"}}]},
              {"id": "b", "uri": "http://10.77.0.12:5555", "maxSessions": 2, "availability": "UP", "slots": [
                {"id": {"hostId": "b", "id": "1"}, "session": {"sessionId": "s"}, "stereotype": {"browserName": "chrome"}},
                {"id": {"hostId": "b", "id": "2"}, "session": null, "stereotype": {"browserName": "chrome"}},
                {"id": {"hostId": "b", "id": "3"}, "session": null, "stereotype": {"browserName": "firefox"}}]}]}}
            """;

    @Test
    void countsFreeSlotsPerBrowserWithinEachNodesSessionCap() {
        GridStatus status = GridStatus.parse(GRID, TWO_NODES);
        // node b: one session of its two, so one more of either browser
        assertThat(status.free("chrome")).isEqualTo(3);
        assertThat(status.free("firefox")).isEqualTo(1);
        assertThat(status.classesAtOnce(Map.of("chrome", 2))).isEqualTo(1);
        assertThat(status.describe()).contains("http://10.77.0.12:5555 UP chrome 1/2 free, firefox 1/1 free");
    }

    @Test
    void aNodeThatIsDrainingOrDownOffersNothing() {
        GridStatus status = GridStatus.parse(GRID, TWO_NODES.replaceFirst("\"UP\"", "\"DOWN\""));
        assertThat(status.free("chrome")).isEqualTo(1);
    }

    @Test
    void aFullGridIsRefusedInOneLine() {
        // as Grid 4.48 answers when every slot is taken: not ready, its nodes up
        GridStatus status = GridStatus.parse(GRID, TWO_NODES.replace("\"session\": null", "\"session\": {\"sessionId\": \"x\"}")
                .replace("\"ready\": true", "\"ready\": false"));
        assertThatThrownBy(() -> status.classesAtOnce(Map.of("chrome", 2)))
                .isInstanceOf(LivecheckException.class)
                .hasMessage("livecheck.grid.url=http://grid:4444: the Grid is full: 0 of 4 chrome slots free on 2 node(s), a test needs 2"
                        + " — wait for its sessions to end, or add nodes");
    }

    @Test
    void aBrowserNoNodeOffersIsNamed() {
        GridStatus status = GridStatus.parse(GRID, TWO_NODES.replace("firefox", "chrome"));
        assertThatThrownBy(() -> status.classesAtOnce(Map.of("chrome", 2, "firefox", 1)))
                .hasMessageContaining("no node offers firefox (nodes offer: chrome): add a firefox node");
    }

    @Test
    void aGridWithoutNodesIsNotReady() {
        GridStatus status = GridStatus.parse(GRID, "{\"value\": {\"ready\": false, \"message\": \"Selenium Grid not ready.\", \"nodes\": []}}");
        assertThatThrownBy(() -> status.classesAtOnce(Map.of("chrome", 2)))
                .hasMessageContaining("the Grid is not ready (Selenium Grid not ready.)");
    }

    @Test
    void somethingElseAnsweringIsNotAGrid() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "<html>an app</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/status") ? 404 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wd/hub");
            assertThatThrownBy(() -> GridStatus.read(url))
                    .hasMessageEndingWith("/status answered HTTP 404: not a Selenium Grid 4 (its /status answers 200)")
                    .hasMessageNotContaining("/wd/hub/status");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsRefusedAtOnce() {
        URI url = URI.create("http://127.0.0.1:" + Ports.freeTcp());
        // refused, not timed out: the message is the connection's, not the 5 s wait's
        assertThatThrownBy(() -> GridStatus.read(url)).hasMessageContaining("(connection refused)");
    }
}
