package dev.livecheck.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Which run a verdict is about, for the release record: the commit tested, the app under test, the LiveKit server,
 * and when the tests ran. The app and LiveKit come from the run's {@code environment.properties} (written next to
 * the results by livecheck); the commit from {@code livecheck.commit} / {@code LIVECHECK_COMMIT}, CI's
 * {@code GITHUB_SHA}, else {@code git rev-parse HEAD}. What is not known says "unknown".
 */
record RunIdentity(String commit, String commitFrom, String app, String appUrl, String appProfile, String appVersion, String livekit,
                   String livekitMode, String started, String finished) {
    static final String ENVIRONMENT_FILE = "environment.properties";
    private static final String UNKNOWN = "unknown";

    static RunIdentity of(Path results, List<TestResult> tested) {
        Properties env = environment(results.resolve(ENVIRONMENT_FILE));
        String[] commit = currentCommit();
        String app = env.getProperty("App", UNKNOWN);
        // the reference app ships with livecheck: its version is livecheck's
        String appVersion = app.equals("reference app") ? "livecheck " + env.getProperty("livecheck", UNKNOWN) : UNKNOWN;
        return new RunIdentity(commit[0], commit[1], app, env.getProperty("App.url", UNKNOWN), env.getProperty("App.profile", UNKNOWN),
                appVersion, env.getProperty("LiveKit.server", UNKNOWN), env.getProperty("LiveKit.mode", UNKNOWN),
                tested.stream().mapToLong(TestResult::start).filter(t -> t > 0).min().stream().mapToObj(RunIdentity::time).findFirst().orElse(UNKNOWN),
                tested.stream().mapToLong(TestResult::stop).filter(t -> t > 0).max().stream().mapToObj(RunIdentity::time).findFirst().orElse(UNKNOWN));
    }

    /**
     * The browser pair a run used, as livecheck wrote it ({@code chromium}, {@code provider:chromium,client:firefox}, or
     * a Selenium Grid's URL), or empty when its results do not say.
     */
    static Optional<String> browsers(Path results) {
        return Optional.ofNullable(environment(results.resolve(ENVIRONMENT_FILE)).getProperty("Browsers"))
                .map(b -> b.replaceFirst("^local ", "").trim()).filter(b -> !b.isEmpty());
    }

    ObjectNode toJson(ObjectMapper mapper) {
        return mapper.createObjectNode().put("commit", commit).put("commitFrom", commitFrom)
                .put("app", app).put("appUrl", appUrl).put("appProfile", appProfile).put("appVersion", appVersion)
                .put("livekit", livekit).put("livekitMode", livekitMode)
                .put("started", started).put("finished", finished);
    }

    private static Properties environment(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                // the verdict stands without it: every field says unknown
            }
        }
        return properties;
    }

    /** The commit and where it came from. */
    private static String[] currentCommit() {
        Optional<String> given = Optional.ofNullable(System.getProperty("livecheck.commit")).or(() -> Optional.ofNullable(System.getenv("LIVECHECK_COMMIT")));
        if (given.filter(c -> !c.isBlank()).isPresent()) {
            return new String[] {given.get().trim(), "livecheck.commit"};
        }
        String ci = System.getenv("GITHUB_SHA");
        if (ci != null && !ci.isBlank()) {
            return new String[] {ci.trim(), "GITHUB_SHA"};
        }
        Optional<String> head = git("rev-parse", "HEAD").filter(sha -> sha.matches("[0-9a-f]{40}"));
        if (head.isEmpty()) {
            return new String[] {UNKNOWN, "none"};
        }
        boolean changed = git("status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty()).orElse(false);
        return new String[] {head.get(), changed ? "git, with uncommitted changes" : "git"};
    }

    private static Optional<String> git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = git.getInputStream().readAllBytes();
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(new String(output, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
