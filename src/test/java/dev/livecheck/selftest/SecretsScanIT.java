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
     * A single-file Allure report inlines every file as {@code d('name','base64')}: base64 of any JSON begins with
     * {@code eyJ}, as a JWT does, and a token inside an attachment would be hidden by the encoding. So the scan reads
     * each inlined file decoded, in place of its base64.
     */
    private static String readable(String text) {
        Matcher inlined = INLINED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (inlined.find()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(inlined.group(2)), StandardCharsets.ISO_8859_1);
            } catch (IllegalArgumentException notBase64) {
                decoded = inlined.group(2);
            }
            inlined.appendReplacement(out, Matcher.quoteReplacement("d('" + inlined.group(1) + "','" + decoded + "')"));
        }
        inlined.appendTail(out);
        return out.toString();
    }
}
