package dev.livecheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.livecheck.browser.DriverSource;
import dev.livecheck.browser.BrowserOptions;
import dev.livecheck.browser.Browsers;
import dev.livecheck.browser.Participant;
import dev.livecheck.check.MediaFlow;
import dev.livecheck.check.Presence;
import dev.livecheck.config.Settings;
import dev.livecheck.junit.Checks;
import dev.livecheck.junit.Environment;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.matrix.SuiteRunner;
import dev.livecheck.media.Role;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Measures livecheck on this machine and writes target/livecheck/bench.json: provisioning (cold, warm),
 * LiveKit start per mode, one Chromium start, the harness's join against a bare Selenium join of the same
 * app in the same run, the full checklist's wall time, and the run's peak memory. Medians over
 * {@code livecheck.bench.runs} runs (3 by default) with min and max. A script, never a timed assertion.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("livecheck.bench.runs", 3);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "date", Instant.now().toString()));
        result.put("runs", runs);
        try (MemorySampler memory = new MemorySampler()) {
            result.put("provisioning", provisioning(runs));
            result.put("livekitStart", Map.of("container", livekitStart("container", runs).summary(), "binary", livekitStart("binary", runs).summary()));
            result.put("chromiumStart", chromiumStart(runs).summary());
            result.put("join", joins(runs));
            if (!Boolean.getBoolean("livecheck.bench.skipChecklist")) {
                // before scenarios: every item on a call of its own (livecheck.scenarios=false); then as mvn verify runs it
                result.put("oneCallPerItem", checklist(Map.of("livecheck.scenarios", "false"), "timings-one-call-per-item.jsonl"));
                Map<String, Object> shared = checklist(Map.of(), "timings.jsonl");
                result.put("fullChecklist", shared);
                result.put("perItem", shared.get("perItem"));
            }
            result.put("peakMemoryMiB", Map.of("value", memory.peakMiB(),
                    "scope", "this JVM and its child processes (browsers, drivers, LiveKit binary); a LiveKit container is not a child and is not counted"));
        }
        Path out = out();
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("bench.json").toFile(), result);
        Files.writeString(out.resolve("bench.md"), BenchReport.markdown(result, out.resolve("timings.jsonl")));
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        System.exit(0);
    }

    /** The checklist once, concurrently as mvn verify runs it, with these settings; its timings kept under {@code timingsName}. */
    private static Map<String, Object> checklist(Map<String, String> properties, String timingsName) throws IOException {
        Path timings = out().resolve("timings.jsonl");
        Files.deleteIfExists(timings);
        Instant t = Instant.now();
        List<SuiteRunner.Outcome> outcomes = SuiteRunner.runConcurrently(List.of(selectPackage("dev.livecheck.checklist")),
                m -> m.getDeclaringClass().getSimpleName().endsWith("IT") && m.isAnnotationPresent(Checks.class), properties);
        long wall = Duration.between(t, Instant.now()).toMillis();
        Path kept = out().resolve(timingsName);
        if (!kept.equals(timings) && Files.exists(timings)) {
            Files.move(timings, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("settings", properties);
        run.put("wallMs", wall);
        run.put("tests", outcomes.size());
        run.put("passed", outcomes.stream().filter(SuiteRunner.Outcome::passed).count());
        run.put("classesAtOnce", dev.livecheck.junit.Concurrency.decide(Settings.fromSystem()).classes());
        run.put("notPassed", outcomes.stream().filter(o -> !o.passed())
                .map(o -> o.test() + ": " + o.status() + " — " + o.message().lines().findFirst().orElse("")).toList());
        run.put("timings", kept.getFileName().toString());
        run.put("perItem", PerItem.read(kept).json());
        run.put("perScenario", PerItem.groups(kept));
        return run;
    }

    private static Path out() {
        return Path.of(System.getProperty("livecheck.out", "target/livecheck"));
    }

    private static Map<String, Object> provisioning(int runs) throws IOException, InterruptedException {
        Map<String, Object> p = new LinkedHashMap<>();
        Path freshCache = Files.createTempDirectory("livecheck-cold-cache");
        Samples cold = new Samples();
        cold.add(time(() -> provision(Map.of("LIVECHECK_CACHE", freshCache.toString()), "--no-docker")));
        p.put("cold", cold.summary());
        p.put("coldMeaning", "a fresh livecheck cache (LiveKit built, livekit-client and selenium-grid fetched); Debian packages, Go module and build caches already on the machine");
        Samples warm = new Samples();
        for (int i = 0; i < runs; i++) {
            warm.add(time(() -> provision(Map.of())));
        }
        p.put("warm", warm.summary());
        return p;
    }

    private static Void provision(Map<String, String> env, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("bash", "scripts/provision"));
            command.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            int code = pb.start().waitFor();
            if (code != 0) {
                throw new IllegalStateException("scripts/provision exited " + code);
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Samples livekitStart(String mode, int runs) {
        Samples s = new Samples();
        Settings settings = Settings.fromSystem().with("livecheck.livekit.mode", mode);
        for (int i = 0; i < runs; i++) {
            Instant t = Instant.now();
            try (LiveKitServer server = LiveKitServers.start(settings)) {
                s.add(Duration.between(t, Instant.now()).toMillis());
            }
        }
        return s;
    }

    private static Samples chromiumStart(int runs) {
        Settings settings = Settings.fromSystem();
        Samples s = new Samples();
        try (Environment env = Environment.start(settings)) {
            for (int i = 0; i < runs; i++) {
                Instant t = Instant.now();
                Browsers.Browser browser = Browsers.start(env.browsers(), env.media().of(Role.PROVIDER), BrowserOptions.defaults(), java.util.Optional.empty());
                s.add(Duration.between(t, Instant.now()).toMillis());
                browser.driver().quit();
            }
        }
        return s;
    }

    /** Both browsers started → both see each other's media: the harness's checks against a bare script's. */
    private static Map<String, Object> joins(int runs) throws Exception {
        Samples harness = new Samples();
        Samples bare = new Samples();
        Samples playwright = new Samples();
        try (Environment env = Environment.start(Settings.fromSystem())) {
            for (int i = 0; i < runs; i++) {
                try (Participant provider = started(() -> participant(env, Role.PROVIDER)); Participant client = started(() -> participant(env, Role.CLIENT))) {
                    Instant t = Instant.now();
                    CompletableFuture<Void> p = CompletableFuture.runAsync(provider::logInAndJoin);
                    client.logInAndJoin();
                    p.join();
                    Presence.awaitEachSeesTheOther(provider, client);
                    MediaFlow.awaitVideoFrom(provider, client);
                    MediaFlow.awaitVideoFrom(client, provider);
                    harness.add(Duration.between(t, Instant.now()).toMillis());
                }
                env.livekit().rooms().deleteAll();
                WebDriver provider = BareSeleniumJoin.browser(env.browsers().chromium().toFile(), DriverSource.executable(env.browsers()).toFile(), env.media().of(Role.PROVIDER));
                WebDriver client = BareSeleniumJoin.browser(env.browsers().chromium().toFile(), DriverSource.executable(env.browsers()).toFile(), env.media().of(Role.CLIENT));
                try {
                    Instant t = Instant.now();
                    CompletableFuture<Void> p = CompletableFuture.runAsync(() -> BareSeleniumJoin.join(provider, env.app().baseUrl(),
                            env.profile().account(Role.PROVIDER), env.profile().liveSession()));
                    BareSeleniumJoin.join(client, env.app().baseUrl(), env.profile().account(Role.CLIENT), env.profile().liveSession());
                    p.join();
                    BareSeleniumJoin.awaitConnectedWithVideo(provider);
                    BareSeleniumJoin.awaitConnectedWithVideo(client);
                    bare.add(Duration.between(t, Instant.now()).toMillis());
                } finally {
                    provider.quit();
                    client.quit();
                }
                env.livekit().rooms().deleteAll();
                playwrightJoin(env).ifPresent(playwright::add);
                env.livekit().rooms().deleteAll();
            }
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("harness", harness.summary());
        j.put("bareSelenium", bare.summary());
        j.put("ratioHarnessToBare", bare.median() == 0 ? null : Math.round(100.0 * harness.median() / bare.median()) / 100.0);
        j.put("barePlaywright", playwright.count() == 0 ? "not run: Playwright is on the classpath of scripts/bench only (Maven profile bench)"
                : playwright.summary());
        if (playwright.count() > 0) {
            j.put("ratioHarnessToPlaywright", Math.round(100.0 * harness.median() / playwright.median()) / 100.0);
        }
        j.put("meaning", "from both browsers started to both seeing each other's video; the harness also checks the participant lists, colours and moving pictures");
        return j;
    }

    /** The bare Playwright join, where scripts/bench put Playwright on the classpath; its time in ms. */
    private static java.util.Optional<Long> playwrightJoin(Environment env) throws Exception {
        Class<?> bare;
        try {
            bare = Class.forName("dev.livecheck.bench.BarePlaywrightJoin");
            Class.forName("com.microsoft.playwright.Playwright");
        } catch (ClassNotFoundException | NoClassDefFoundError notHere) {
            return java.util.Optional.empty();
        }
        Object ms = bare.getMethod("join", Path.class, String.class, dev.livecheck.profile.Account.class, dev.livecheck.media.FakeMedia.class,
                dev.livecheck.profile.Account.class, dev.livecheck.media.FakeMedia.class, String.class).invoke(null, env.browsers().chromium(),
                env.app().baseUrl(), env.profile().account(Role.PROVIDER), env.media().of(Role.PROVIDER), env.profile().account(Role.CLIENT),
                env.media().of(Role.CLIENT), env.profile().liveSession());
        return java.util.Optional.of((Long) ms);
    }

    private static Participant participant(Environment env, Role role) {
        return new Participant(role.id(), env.profile().account(role), env.media().of(role), env.app(), env.livekit().rooms(), env.browsers(), env.browserOptions());
    }

    private static Participant started(Supplier<Participant> start) {
        return start.get();
    }

    private static long time(Supplier<Void> action) {
        Instant t = Instant.now();
        action.get();
        return Duration.between(t, Instant.now()).toMillis();
    }
}
