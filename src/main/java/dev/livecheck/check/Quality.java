package dev.livecheck.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.browser.MediaProbe;
import dev.livecheck.browser.Participant;
import dev.livecheck.media.MediaCatalog;
import dev.livecheck.profile.QualityThresholds;
import io.qameta.allure.Allure;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time, measured: what a page shows and plays of the other side, from livecheck's timestamped media (the
 * capture time drawn into every frame, a beep on every whole second) — glass-to-glass video latency, audio latency,
 * A/V offset, frame rate, resolution and freezes over a window, per direction. The thresholds come from the app's
 * profile ({@code quality.*}), by default the usual conversational norms.
 */
public final class Quality {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Quality() {
    }

    /** What one direction rendered over the window. */
    public record Measurement(String direction, double windowSeconds, int frames, double fps, double lowestFps, long latencyP50Ms,
                              long latencyP95Ms, int freezes, long longestFreezeMs, String resolution, Long audioLatencyP50Ms,
                              Long audioLatencyP95Ms, Long avOffsetMs, List<long[]> latencies, List<long[]> audioLatencies, List<double[]> fpsPerSecond,
                              String cameraAsked) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%s: video latency p50 %d ms, p95 %d ms; %.1f fps (lowest second %.0f); %s; %d freezes, "
                            + "longest %d ms; audio latency p50 %s ms, p95 %s ms; A/V offset %s ms (audio later +); the sender's app asked its camera for %s",
                    direction, latencyP50Ms, latencyP95Ms, fps, lowestFps, resolution, freezes, longestFreezeMs, audioLatencyP50Ms, audioLatencyP95Ms,
                    avOffsetMs, cameraAsked);
        }

        Measurement askedFor(String asked) {
            return new Measurement(direction, windowSeconds, frames, fps, lowestFps, latencyP50Ms, latencyP95Ms, freezes, longestFreezeMs, resolution,
                    audioLatencyP50Ms, audioLatencyP95Ms, avOffsetMs, latencies, audioLatencies, fpsPerSecond, asked);
        }
    }

    /** Measures both directions at once over the window; the evidence (figures, a chart) goes to Allure and quality.jsonl. */
    public static List<Measurement> measureBothWays(Participant a, Participant b, Duration window, String scenario) {
        // the window is sat out by design: the benchmark counts it as an inherent wait, not as the harness's time
        List<Measurement> both = dev.livecheck.evidence.TimeSpent.time(dev.livecheck.evidence.TimeSpent.Part.INHERENT, () -> {
            CompletableFuture<Measurement> ab = CompletableFuture.supplyAsync(() -> measure(a, b, window));
            Measurement ba = measure(b, a, window);
            return List.of(ab.join(), ba);
        });
        both.forEach(m -> record(m, scenario));
        return both;
    }

    /** What {@code receiver}'s page renders of {@code sender} (both with {@code @Measured} media) over the window. */
    public static Measurement measure(Participant sender, Participant receiver, Duration window) {
        WebElement video = element(() -> receiver.session().remoteVideosOf(sender.asPerson()), e -> receiver.probe().frame(e)
                .map(f -> f.colour().distance(sender.media().colour()) <= MediaCatalog.COLOUR_TOLERANCE).orElse(false),
                receiver.name() + "'s video of " + sender.name());
        WebElement audio = element(() -> receiver.session().remoteAudiosOf(sender.asPerson()), e -> receiver.probe().tone(e)
                .map(t -> Math.abs(t.hz() - sender.media().toneHz()) <= MediaCatalog.TONE_TOLERANCE_HZ).orElse(false),
                receiver.name() + "'s audio of " + sender.name());
        MediaProbe.Rendered r = receiver.probe().measure(video, audio, sender.media().beepHz(), window);
        return summarise(sender.name() + " → " + receiver.name(), r, window).askedFor(sender.probe().cameraAsked());
    }

    /** The element playing the sender's media; with synthetic media the tone shares time with beeps, so it is waited for. */
    private static WebElement element(Supplier<List<WebElement>> candidates, Function<WebElement, Boolean> isTheSenders, String what) {
        return Waits.waitUntil(what + " showing or playing the sender's media")
                .until(() -> candidates.get().stream().filter(isTheSenders::apply).findFirst(), Optional::isPresent).orElseThrow();
    }

    static Measurement summarise(String direction, MediaProbe.Rendered r, Duration window) {
        double seconds = window.toMillis() / 1000.0;
        List<Long> frames = r.frames();
        List<Long> latencies = r.video().stream().map(v -> ((Number) v.get("latency")).longValue()).sorted().toList();
        List<Long> audio = r.audio().stream().map(v -> ((Number) v.get("latency")).longValue()).sorted().toList();
        long longest = 0;
        int freezes = 0;
        long previous = r.started();
        for (long at : frames) {
            long gap = at - previous;
            longest = Math.max(longest, gap);
            previous = at;
        }
        longest = Math.max(longest, r.started() + window.toMillis() - previous);
        for (int i = 1; i < frames.size(); i++) {
            if (frames.get(i) - frames.get(i - 1) > FREEZE_MS) {
                freezes++;
            }
        }
        List<double[]> perSecond = new ArrayList<>();
        for (int s = 0; s < (int) seconds; s++) {
            long from = r.started() + s * 1000L;
            long count = frames.stream().filter(at -> at >= from && at < from + 1000).count();
            perSecond.add(new double[] {s, count});
        }
        double lowest = perSecond.stream().skip(1).mapToDouble(p -> p[1]).min().orElse(0);
        Map<String, Long> sizes = r.video().stream().collect(Collectors.groupingBy(v -> v.get("w") + "x" + v.get("h"), Collectors.counting()));
        String resolution = sizes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("none");
        Long audioP50 = audio.isEmpty() ? null : percentile(audio, 50);
        Long videoP50 = latencies.isEmpty() ? null : percentile(latencies, 50);
        return new Measurement(direction, seconds, frames.size(), frames.size() / seconds, lowest, videoP50 == null ? -1 : videoP50,
                latencies.isEmpty() ? -1 : percentile(latencies, 95), freezes, longest, resolution, audioP50,
                audio.isEmpty() ? null : percentile(audio, 95), audioP50 == null || videoP50 == null ? null : audioP50 - videoP50,
                r.video().stream().map(v -> new long[] {((Number) v.get("at")).longValue() - r.started(), ((Number) v.get("latency")).longValue()}).toList(),
                r.audio().stream().map(v -> new long[] {((Number) v.get("at")).longValue() - r.started(), ((Number) v.get("latency")).longValue()}).toList(),
                perSecond, "(not read)");
    }

    private static long height(String resolution) {
        int x = resolution.indexOf('x');
        return x < 0 ? 0 : Long.parseLong(resolution.substring(x + 1));
    }

    /** Freezes: no new picture for longer than this. */
    static final long FREEZE_MS = 500;

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** The direction is within the app's thresholds: latency, frame rate, freezes, lip sync. */
    public static void assertWithin(Measurement m, QualityThresholds t) {
        Shortfall.measured(() -> within(m, t));
    }

    private static void within(Measurement m, QualityThresholds t) {
        assertThat(m.fps()).as("%s: frames per second, at least %.0f; %s", m.direction(), t.minFps(), m).isGreaterThanOrEqualTo(t.minFps());
        assertThat(height(m.resolution())).as("%s: picture height (lines), at least %d; %s", m.direction(), t.minHeight(), m)
                .isGreaterThanOrEqualTo(t.minHeight());
        assertThat(m.latencyP95Ms()).as("%s: video latency p95 (ms), at most %d; %s", m.direction(), t.maxLatencyP95Ms(), m)
                .isBetween(0L, t.maxLatencyP95Ms());
        assertThat(m.longestFreezeMs()).as("%s: longest freeze (ms), at most %d; %s", m.direction(), t.maxFreezeMs(), m)
                .isLessThanOrEqualTo(t.maxFreezeMs());
        assertThat(m.audioLatencyP95Ms()).as("%s: beeps heard; %s", m.direction(), m).isNotNull();
        assertThat(m.audioLatencyP95Ms()).as("%s: audio latency p95 (ms), at most %d; %s", m.direction(), t.maxLatencyP95Ms(), m)
                .isLessThanOrEqualTo(t.maxLatencyP95Ms());
        assertThat(m.avOffsetMs()).as("%s: A/V offset (ms, audio later +), within -%d..+%d; %s", m.direction(), t.maxAudioLeadMs(),
                t.maxAudioLagMs(), m).isBetween(-t.maxAudioLeadMs(), t.maxAudioLagMs());
    }

    /** On a bad network the call must stay usable, not perfect: this far behind at the median, and never more. */
    static final long USABLE_LATENCY_P50_MS = 1000;

    /**
     * The call stayed usable: the picture and the beeps kept arriving to the end of the window (whatever froze on the
     * way), and half of what arrived was under a second late.
     */
    public static void assertUsable(Measurement m) {
        Shortfall.measured(() -> usable(m));
    }

    private static void usable(Measurement m) {
        List<double[]> seconds = m.fpsPerSecond();
        assertThat(seconds.subList(Math.max(0, seconds.size() - 3), seconds.size())).as("%s: frames in each of the window's last 3 s; %s", m.direction(), m)
                .allMatch(second -> second[1] > 0);
        assertThat(m.audioLatencyP50Ms()).as("%s: beeps heard; %s", m.direction(), m).isNotNull();
        assertThat(m.latencyP50Ms()).as("%s: video latency p50 (ms), at most %d; %s", m.direction(), USABLE_LATENCY_P50_MS, m)
                .isBetween(0L, USABLE_LATENCY_P50_MS);
        assertThat(m.audioLatencyP50Ms()).as("%s: audio latency p50 (ms), at most %d; %s", m.direction(), USABLE_LATENCY_P50_MS, m)
                .isLessThanOrEqualTo(USABLE_LATENCY_P50_MS);
    }

    /** The name the release gate finds the figures by (dev.livecheck.gate.ResultsFolder). */
    static final String FIGURES_ATTACHMENT = "real-time figures: ";

    private static void record(Measurement m, String scenario) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("scenario", scenario);
        line.put("direction", m.direction());
        line.put("latencyP50Ms", m.latencyP50Ms());
        line.put("latencyP95Ms", m.latencyP95Ms());
        line.put("fps", Math.round(m.fps() * 10) / 10.0);
        line.put("lowestFps", m.lowestFps());
        line.put("freezes", m.freezes());
        line.put("longestFreezeMs", m.longestFreezeMs());
        line.put("resolution", m.resolution());
        line.put("audioLatencyP50Ms", m.audioLatencyP50Ms());
        line.put("audioLatencyP95Ms", m.audioLatencyP95Ms());
        line.put("avOffsetMs", m.avOffsetMs());
        line.put("windowSeconds", m.windowSeconds());
        String json;
        try {
            json = JSON.writeValueAsString(line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Allure.addAttachment(FIGURES_ATTACHMENT + m.direction() + " (" + scenario + ")", "application/json", json, ".json");
        try {
            Allure.addAttachment(m.direction() + " — latency and frame rate (" + scenario + ")", "image/png",
                    new ByteArrayInputStream(QualityChart.png(m)), "png");
        } catch (RuntimeException noChart) {
            Allure.addAttachment(m.direction() + " — chart", "text/plain", "no chart: " + noChart.getMessage());
        }
        try {
            Path dir = Path.of(dev.livecheck.config.Settings.fromSystem().getOr("livecheck.work", "target/livecheck"));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("quality.jsonl"), json + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("livecheck: could not write quality figures: " + e.getMessage());
        }
    }

    static List<long[]> sortedByTime(List<long[]> points) {
        return points.stream().sorted(Comparator.comparingLong(p -> p[0])).toList();
    }
}
