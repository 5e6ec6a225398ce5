package dev.livecheck.app;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.config.Settings;
import dev.livecheck.profile.AppProfile;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Your app, started by livecheck from its own start command ({@code livecheck.app.command}) with the LiveKit
 * it should use in {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET} and its port in
 * {@code PORT}; stopped at the end of the run. {@code ${setting}} in the command is replaced by that setting
 * (e.g. {@code node ${livecheck.componentsApp.dir}/server.mjs}). A fixture app's switchable bugs
 * ({@code livecheck.app.bugs}) go to it as {@code APP_BUGS}.
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
        return new LaunchedApp(AppProcess.start(parse(command, settings), null, env), profile);
    }

    /** The command's words, with {@code ${setting}} filled in; a setting that is not set is named. */
    static List<String> parse(String command, Settings settings) {
        Matcher m = SETTING.matcher(command);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = settings.get(m.group(1)).orElseThrow(() -> new LivecheckException("livecheck.app.command uses ${" + m.group(1)
                    + "}, which is not set: run scripts/provision or pass -D" + m.group(1) + "=..."));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return Arrays.stream(out.toString().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
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
