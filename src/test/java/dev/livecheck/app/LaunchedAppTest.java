package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** livecheck.app.command runs as a command line does — through a shell, in the folder livecheck.app.dir names — and stops whole. */
class LaunchedAppTest {
    @TempDir
    Path dir;

    @Test
    void theCommandRunsThroughAShellInTheChosenFolder() throws Exception {
        Files.createDirectories(dir.resolve("web"));
        Files.writeString(dir.resolve("web/marker.txt"), "served from web/");
        // a shell's own syntax: cd, &&, a variable assignment, quotes, $PORT
        String command = "cd web && GREETING='hello there' node -e \"require('http').createServer((q, s) => s.end(process.env.GREETING + ', '"
                + " + require('fs').readFileSync('marker.txt'))).listen(process.env.PORT)\"";
        Settings settings = Settings.fromSystem().with("livecheck.app.dir", dir.toString());

        List<ProcessHandle> started;
        try (LaunchedApp app = LaunchedApp.start(command, settings, Map.of(), null)) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("hello there, served from web/");
            started = ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains("GREETING")
                    || p.info().command().orElse("").endsWith("node")).toList();
        }
        assertThat(started).as("the shell and the app it started").isNotEmpty();
        started.forEach(p -> assertThat(p.onExit()).as("process %d after close", p.pid()).succeedsWithin(java.time.Duration.ofSeconds(15)));
    }

    @Test
    void aFolderThatIsNotThereIsNamedWithTheFix() {
        Settings settings = Settings.fromSystem().with("livecheck.app.dir", dir.resolve("nowhere").toString());
        assertThatThrownBy(() -> LaunchedApp.start("npm start", settings, Map.of(), null)).isInstanceOf(LivecheckException.class)
                .hasMessageContaining("livecheck.app.dir is " + dir.resolve("nowhere")).hasMessageContaining("which is not a folder");
    }

    @Test
    void settingsAreFilledInFirst() throws IOException {
        Settings settings = Settings.fromSystem().with("livecheck.componentsApp.dir", "/opt/huddle");
        assertThat(LaunchedApp.expand("node ${livecheck.componentsApp.dir}/server.mjs --flag 'a b'", settings))
                .isEqualTo("node /opt/huddle/server.mjs --flag 'a b'");
        assertThatThrownBy(() -> LaunchedApp.expand("node ${livecheck.nothing.here}/x", settings))
                .hasMessageContaining("${livecheck.nothing.here}, which is not set");
    }
}
