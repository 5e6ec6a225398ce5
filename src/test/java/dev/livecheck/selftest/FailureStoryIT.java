package dev.livecheck.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.parallel.Isolated;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.evidence.FailureStory;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.media.MediaFiles;
import dev.livecheck.media.Rgb;
import dev.livecheck.redact.Redactor;
import dev.livecheck.selftest.cases.JoinCase;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A failed test tells its story on one page: a provoked failure (the client's camera sends the provider's colour)
 * runs in a nested launcher writing Allure results to a folder of its own, and its result carries a timeline of both
 * browsers, LiveKit and the harness's waits, and each participant's last frames. A passing run attaches neither.
 */
@Tag("selftest")
@Isolated
class FailureStoryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Kept for a person to look at (and scripts/report to render): the provoked failure's Allure results. */
    private static final Path KEPT = Path.of("target/livecheck/failure-story/allure-results");

    @Test
    void aFailedTestCarriesATimelineAndEachParticipantsFrames(@TempDir Path dir) throws IOException {
        Path red = MediaFiles.writeY4m(dir.resolve("red.y4m"), new Rgb(220, 30, 30));
        Path results = KEPT;
        deleteRecursively(results);
        List<SuiteRunner.Outcome> outcomes = runJoinCase(results, Map.of("livecheck.media.client.video", red.toString(),
                "livecheck.timeout.seconds", "8"));
        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.passed()).as("the provoked failure").isFalse());

        JsonNode result = onlyResult(results);
        String timeline = Files.readString(results.resolve(attachment(result, FailureStory.TIMELINE).path("source").asText()));
        assertThat(timeline).as("the failure timeline").contains(
                "failure: ", "first join click at +",
                " provider  click    join starts", " client    click    join starts",
                " provider  console  ", " client    console  ",
                " livekit   server   starting RTC session participant=",
                " provider  state    ", " client    state    ",
                "wait     waits for provider sees client's camera",
                "wait     met: client sees provider's camera",
                "wait     TIMED OUT: provider sees client's camera",
                "FAILED   ");
        assertThat(timeline.lines().filter(l -> l.matches("  [+-] *\\d+\\.\\d\\ds  click [+-] *\\d+\\.\\d\\ds  .*")).count())
                .as("events with their time since the start and since the first click").isGreaterThan(20);
        assertThat(Redactor.leaksIn(timeline)).as("secrets in the timeline").isEmpty();

        for (String who : List.of("provider", "client")) {
            JsonNode frames = attachment(result, who + " — " + FailureStory.FRAMES);
            assertThat(frames.path("type").asText()).as(who + "'s frames").isEqualTo("image/jpeg");
            BufferedImage strip = ImageIO.read(results.resolve(frames.path("source").asText()).toFile());
            assertThat(strip).as(who + "'s frame strip decodes").isNotNull();
            assertThat(strip.getHeight()).as("at least two rows of frames: the test ran for more than 4 s").isGreaterThan(2 * 240);
        }
    }

    @Test
    void aPassingTestAttachesNoStory(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("allure-results");
        assertThat(runJoinCase(results, Map.of())).singleElement().satisfies(o -> assertThat(o.passed()).as(o.message()).isTrue());

        List<String> names = new ArrayList<>();
        onlyResult(results).path("attachments").forEach(a -> names.add(a.path("name").asText()));
        assertThat(names).contains("provider — screenshot").noneMatch(n -> n.contains(FailureStory.TIMELINE) || n.contains(FailureStory.FRAMES));
    }

    /** The join case in a nested launcher whose Allure results, attachments included, go to {@code results}. */
    private static List<SuiteRunner.Outcome> runJoinCase(Path results, Map<String, String> properties) {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        AllureLifecycle outer = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle); // Allure.addAttachment goes to the static lifecycle
        try {
            return SuiteRunner.run(List.of(selectClass(JoinCase.class)), m -> m.getName().equals("bothSeeEachOthersCamera"), properties,
                    new AllureJunitPlatform(lifecycle));
        } finally {
            Allure.setLifecycle(outer);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static JsonNode onlyResult(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList();
            assertThat(found).as("Allure results in %s", results).hasSize(1);
            return JSON.readTree(found.get(0).toFile());
        }
    }

    private static JsonNode attachment(JsonNode result, String name) {
        for (JsonNode a : result.path("attachments")) {
            if (a.path("name").asText().equals(name)) {
                return a;
            }
        }
        List<String> names = new ArrayList<>();
        result.path("attachments").forEach(a -> names.add(a.path("name").asText()));
        throw new AssertionError("no attachment \"" + name + "\" in the result; it has " + names);
    }
}
