package dev.livecheck.browser;

import dev.livecheck.config.LivecheckException;
import io.github.bonigarcia.wdm.WebDriverManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which chromedriver starts local browsers ({@code livecheck.driver}): {@code auto} takes the system one (a
 * distribution's, or the one {@code livecheck.chromedriver} names) when its major version is the browser's, else one
 * WebDriverManager resolves for the browser (its cache, its {@code wdm.*} mirror settings); {@code system} and
 * {@code webdrivermanager} take only that one. Chosen once per JVM and said in one line; never a silent fallback.
 */
public final class DriverSource {
    public enum Mode {
        AUTO, SYSTEM, WEBDRIVERMANAGER;

        public static Mode of(String value) {
            return Stream.of(values()).filter(m -> m.name().equalsIgnoreCase(value.trim())).findFirst().orElseThrow(() ->
                    new LivecheckException("livecheck.driver=" + value + " is not known: use auto, system or webdrivermanager"));
        }
    }

    /** A program's name and version as its {@code --version} prints them: "Chromium 156.0.8078.108", "ChromeDriver 156.0.8078.108". */
    public record Version(String name, String number) {
        private static final Pattern LINE = Pattern.compile("^\\s*(.*?)\\s*v?(\\d+(?:\\.\\d+)+)");

        public static Optional<Version> parse(String output) {
            Matcher m = LINE.matcher(output == null ? "" : output);
            return m.find() ? Optional.of(new Version(m.group(1).isEmpty() ? "?" : m.group(1), m.group(2))) : Optional.empty();
        }

        public String major() {
            return number.split("\\.")[0];
        }

        @Override
        public String toString() {
            return name + " " + number;
        }
    }

    /** What WebDriverManager resolved: the driver, its version, and where its binary came from. */
    public record Fetched(Path driver, String version, String from) {
    }

    /** The driver chosen, and the one line that says which and why. */
    public record Choice(Path driver, String line) {
    }

    private static final String FIX = "install the browser's own chromedriver (Debian: chromium-driver, as scripts/provision does) or set "
            + "livecheck.chromedriver, or give WebDriverManager a mirror (wdm.chromeGoodVersionsUrl, wdm.chromeDownloadUrlPattern) or a warm cache (wdm.cachePath)";
    private static final Map<List<Object>, Object> CHOSEN = new HashMap<>();

    static {
        // WebDriverManager logs its failures with a stack trace; livecheck's one line already says what failed and the fix
        if (System.getProperty("org.slf4j.simpleLogger.log.io.github.bonigarcia") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.github.bonigarcia", "off");
        }
    }

    private DriverSource() {
    }

    /** The driver for these settings: chosen (and said) on first use in this JVM; a failure is repeated as it was. */
    public static synchronized Path executable(BrowserSettings settings) {
        List<Object> key = List.of(settings.driverSource(), settings.chromium(), settings.chromedriver());
        Object chosen = CHOSEN.computeIfAbsent(key, k -> {
            try {
                // the browser's version is given to it, so one manager serves Chrome and Chromium alike
                Choice choice = choose(settings, WebDriverManager::chromedriver);
                System.out.println(choice.line());
                return choice;
            } catch (LivecheckException e) {
                return e;
            }
        });
        if (chosen instanceof LivecheckException e) {
            throw new LivecheckException(e.getMessage(), e);
        }
        return ((Choice) chosen).driver();
    }

    /** Chooses for these settings, with WebDriverManager instances from {@code manager} (configured as the caller wants). */
    public static Choice choose(BrowserSettings settings, Supplier<WebDriverManager> manager) {
        Optional<Version> browser = versionOf(settings.chromium());
        Optional<Version> system = Files.isExecutable(settings.chromedriver()) ? versionOf(settings.chromedriver()) : Optional.empty();
        return decide(settings.driverSource(), browser, settings.chromedriver(), Files.isExecutable(settings.chromedriver()), system,
                major -> fetch(manager, major, settings.driverDeadline()));
    }

    /** The policy, apart from probing and fetching: {@code fetch} gets a driver for a browser major version or throws. */
    static Choice decide(Mode mode, Optional<Version> browser, Path systemPath, boolean systemExists, Optional<Version> system,
                         Function<String, Fetched> fetch) {
        String browserName = browser.map(b -> b.name() + " " + b.major()).orElse("the browser (version unknown)");
        boolean matches = browser.isPresent() && system.isPresent() && system.get().major().equals(browser.get().major());
        String systemSays = systemExists ? systemPath + " is " + system.map(Version::toString).orElse("a chromedriver of unknown version")
                : "no chromedriver at " + systemPath;
        if (mode == Mode.SYSTEM) {
            return systemChoice(systemPath, "livecheck.driver=system; " + system.map(Version::toString).orElse("version unknown") + ", "
                    + browserName + (matches || browser.isEmpty() || system.isEmpty() ? "" : " — not the same major version: the session may refuse to start"));
        }
        if (mode == Mode.AUTO && matches) {
            return systemChoice(systemPath, system.get() + " matches " + browserName);
        }
        if (browser.isEmpty()) {
            if (mode == Mode.AUTO && systemExists) {
                return systemChoice(systemPath, "the browser's version is unknown, so WebDriverManager cannot match one");
            }
            throw new LivecheckException("chromedriver: cannot read the browser's version (--version), which WebDriverManager needs to pick a driver: "
                    + "check livecheck.chromium.binary, or set livecheck.driver=system and livecheck.chromedriver");
        }
        String why = mode == Mode.WEBDRIVERMANAGER ? "livecheck.driver=webdrivermanager" : systemSays;
        try {
            Fetched fetched = fetch.apply(browser.get().major());
            return new Choice(fetched.driver(), "[livecheck] chromedriver: WebDriverManager " + fetched.version() + " from " + fetched.from()
                    + " (" + why + "; for " + browserName + ")");
        } catch (WebDriverManagerFailed e) {
            if (mode == Mode.AUTO && systemExists && system.isEmpty()) {
                return systemChoice(systemPath, "its version is unknown and WebDriverManager failed: " + e.getMessage());
            }
            throw new LivecheckException("no chromedriver for " + browserName + ": " + why + ", and WebDriverManager failed ("
                    + e.getMessage() + "): " + FIX);
        }
    }

    private static Choice systemChoice(Path driver, String why) {
        return new Choice(driver, "[livecheck] chromedriver: system " + driver + " (" + why + ")");
    }

    /** WebDriverManager on a daemon thread with a deadline: a mirror that never answers must not hang the run. */
    static Fetched fetch(Supplier<WebDriverManager> manager, String major, Duration deadline) {
        WebDriverManager wdm = manager.get().browserVersion(major).avoidExport().avoidFallback().useLocalCommandsPropertiesFirst();
        // read before setup(): WebDriverManager's methods lock the instance that a hung setup() holds
        Path cache = wdm.config().getCacheFolder().toPath();
        String origin = downloadOrigin(wdm);
        Set<Path> before = driversIn(cache);
        FutureTask<String[]> setup = new FutureTask<>(() -> {
            wdm.setup();
            return new String[] {wdm.getDownloadedDriverPath(), wdm.getDownloadedDriverVersion()};
        });
        Thread thread = new Thread(setup, "livecheck-webdrivermanager");
        thread.setDaemon(true);
        thread.start();
        String[] pathAndVersion;
        try {
            pathAndVersion = setup.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw new WebDriverManagerFailed("no answer within " + deadline.toSeconds() + " s from " + origin
                    + " — livecheck.driver.timeout.seconds sets the deadline");
        } catch (ExecutionException e) {
            throw new WebDriverManagerFailed(rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebDriverManagerFailed("interrupted");
        }
        String path = pathAndVersion[0];
        String version = pathAndVersion[1];
        if (path == null || version == null || !version.split("\\.")[0].equals(major)) {
            throw new WebDriverManagerFailed("it gave chromedriver " + version + " at " + path + " for browser version " + major);
        }
        Path driver = Path.of(path);
        return new Fetched(driver, version, before.contains(driver) ? "its cache " + cache : origin);
    }

    /** Where the driver would be downloaded from: scheme, host and port of the URL pattern (or the mirror) WebDriverManager uses. */
    private static String downloadOrigin(WebDriverManager wdm) {
        String url = wdm.config().isUseMirror() ? String.valueOf(wdm.config().getChromeDriverCfTMirrorUrl()) : wdm.config().getChromeDownloadUrlPattern();
        Matcher origin = Pattern.compile("^[a-z]+://[^/]+").matcher(url);
        return origin.find() ? origin.group() : url;
    }

    private static Set<Path> driversIn(Path cache) {
        if (!Files.isDirectory(cache)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toSet());
        } catch (IOException | java.io.UncheckedIOException e) {
            return Set.of();
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + message;
    }

    /** {@code program --version}, bounded: empty when it does not run or says no version. */
    public static Optional<Version> versionOf(Path program) {
        Process process = null;
        try {
            process = new ProcessBuilder(program.toString(), "--version").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            return Version.parse(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** WebDriverManager gave no usable driver; the message says why, in one line. */
    static final class WebDriverManagerFailed extends RuntimeException {
        WebDriverManagerFailed(String message) {
            super(message);
        }
    }
}
