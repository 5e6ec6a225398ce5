package dev.livecheck.selftest;

import dev.livecheck.junit.Environment;
import org.junit.jupiter.api.parallel.Isolated;
import dev.livecheck.junit.LiveCheck;
import dev.livecheck.redact.Redactor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other suite of the run (class order) and reads what they wrote: no Allure result,
 * attachment or test output may hold this run's LiveKit API secret or any JWT.
 */
@LiveCheck
@Tag("selftest")
@Isolated
@Order(Integer.MAX_VALUE)
class SecretsScanIT {
    private static final Pattern INLINED = Pattern.compile("d\\('([^']++)','([A-Za-z0-9+/=]*+)'\\)");
    private static final Pattern DATA_URL = Pattern.compile("data:([A-Za-z0-9.+/-]*+)((?:;[A-Za-z0-9=.-]+)*?);base64,([A-Za-z0-9+/=]++)");

    @Test
    void noSecretOrTokenReachedTheReports(Environment environment) throws IOException {
        Redactor.registerSecret(environment.livekit().credentials().apiSecret());
        Path results = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        List<String> leaks = new ArrayList<>();
        int scanned = scan(results, leaks);
        scan(Path.of("target/failsafe-reports"), leaks);
        scan(Path.of("target/livecheck"), leaks);
        assertThat(leaks).as("secrets or tokens found in %s, target/failsafe-reports and target/livecheck", results).isEmpty();
        assertThat(scanned).as("test results scanned in %s", results).isPositive();
    }

    /** Scans every file below {@code dir}; returns how many Allure test results were among them. */
    private static int scan(Path dir, List<String> leaks) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int testResults = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = readable(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                Redactor.leaksIn(text).forEach(leak -> leaks.add(file + ": " + leak));
                testResults += file.getFileName().toString().endsWith("-result.json") ? 1 : 0;
            }
        }
        return testResults;
    }

    /**
     * A single-file Allure report inlines every file as {@code d('name','base64')}, and its scripts, styles, fonts and
     * icons as base64 {@code data:} URLs, styles holding more of them: base64 of any JSON begins with {@code eyJ}, as a
     * JWT does, and random base64 holds {@code eyJ} now and then, while a token inside an attachment would be hidden by
     * the encoding. So the scan reads every inlined file and every textual data URL decoded (nested ones too), and
     * drops binary payloads (images, fonts), which carry no text.
     */
    static String readable(String text) {
        String out = text;
        for (int depth = 0; depth < 4; depth++) {
            String before = out;
            out = replace(INLINED, out, m -> "d('" + m.group(1) + "','" + decoded(m.group(2)) + "')");
            out = replace(DATA_URL, out, m -> "data:" + m.group(1) + "," + (textual(m.group(1)) ? decoded(m.group(3)) : "(binary)"));
            if (out.equals(before)) {
                break;
            }
        }
        return out;
    }

    private static boolean textual(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.contains("javascript") || mediaType.contains("json") || mediaType.contains("xml")
                || mediaType.contains("svg");
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException notBase64) {
            return base64;
        }
    }

    private static String replace(Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
