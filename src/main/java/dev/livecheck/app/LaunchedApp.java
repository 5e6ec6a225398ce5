package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.profile.AppProfile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Your app, started by livecheck from its own start command ({@code livecheck.app.command}) with the LiveKit
 * it should use in {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET} and its port in
 * {@code PORT}; stopped at the end of the run, with every process it started. The command runs as a command line
 * does: through {@code sh -c} (quotes, {@code &&}, {@code VAR=value}, {@code $PORT} work), in {@code livecheck.app.dir}
 * (default: the folder livecheck runs in — with Maven, the project's folder). {@code ${setting}} in the command is
 * replaced by that setting first (e.g. {@code node ${livecheck.componentsApp.dir}/server.mjs}). A fixture app's
 * switchable bugs ({@code livecheck.app.bugs}) go to it as {@code APP_BUGS}.
 */
public final class LaunchedApp implements AppUnderTest {
    private static final Pattern SETTING = Pattern.compile("\\$\\{([^}]+)}");

    private final AppProcess process;
    private final AppProfile profile;

    private LaunchedApp(AppProcess process, AppProfile profile) {
        this.process = process;
        this.profile = profile;
    }

    public static LaunchedApp start(String command, Settings settings, Map<String, String> env, AppProfile profile) {
        return new LaunchedApp(AppProcess.start(List.of("sh", "-c", expand(command, settings)), directory(settings), env), profile);
    }

    /** Where the command runs: {@code livecheck.app.dir}, which must be a folder; null for the folder livecheck runs in. */
    static Path directory(Settings settings) {
        Optional<String> dir = settings.get("livecheck.app.dir").filter(d -> !d.isBlank());
        if (dir.isEmpty()) {
            return null;
        }
        Path path = Path.of(dir.get()).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new LivecheckException("livecheck.app.dir is " + path + ", which is not a folder: point it at the folder your app's command"
                    + " runs in (livecheck.app.command), or leave it unset to run it in " + Path.of("").toAbsolutePath());
        }
        return path;
    }

    /** The command with {@code ${setting}} filled in; a setting that is not set is named. */
    static String expand(String command, Settings settings) {
        Matcher m = SETTING.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = settings.get(m.group(1)).orElseThrow(() -> new LivecheckException("livecheck.app.command uses ${" + m.group(1)
                    + "}, which is not set: run scripts/provision or pass -D" + m.group(1) + "=..."));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.toString().isBlank()) {
            throw new LivecheckException("livecheck.app.command is empty: give the command that starts your app, e.g. 'npm start'");
        }
        return out.toString().trim();
    }

    @Override
    public String baseUrl() {
        return process.url();
    }

    @Override
    public AppProfile profile() {
        return profile;
    }

    @Override
    public Optional<AppVariant> variant() {
        return Optional.empty();
    }

    /** What the app printed (redacted), for diagnosing a start that went wrong. */
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
