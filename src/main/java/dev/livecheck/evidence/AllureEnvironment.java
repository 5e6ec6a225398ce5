package dev.livecheck.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes Allure's environment.properties and categories.json next to the results. */
public final class AllureEnvironment {
    private static final String CATEGORIES = """
            [
              {"name": "Stuck connecting / timeout", "matchedStatuses": ["failed", "broken"],
               "messageRegex": "(?s).*(Connecting|connected to the room|timeout|Try Again).*"},
              {"name": "Media not flowing", "matchedStatuses": ["failed", "broken"],
               "messageRegex": "(?s).*(frames decoded|audio bytes|colour of|dominant tone|sees .*camera|hears .*microphone).*"},
              {"name": "Permission", "matchedStatuses": ["failed", "broken"],
               "messageRegex": "(?s).*(permission|NotAllowedError|denied).*"},
              {"name": "Presence", "matchedStatuses": ["failed", "broken"],
               "messageRegex": "(?s).*(participant list|LiveKit lists|page shows|Waiting for|identity|role).*"},
              {"name": "Environment / setup", "matchedStatuses": ["broken"],
               "messageRegex": "(?s).*(provision|not found at|unreachable|did not start).*"}
            ]
            """;

    private AllureEnvironment() {
    }

    private static boolean written;

    /** Once per JVM: nested runs (self-tests, the bug matrix) must not overwrite the outer run's description. */
    public static synchronized void write(Map<String, String> environment) {
        if (written) {
            return;
        }
        written = true;
        Path dir = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("environment.properties"), environment.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                    .collect(Collectors.joining("\n", "", "\n")));
            Files.writeString(dir.resolve("categories.json"), CATEGORIES);
        } catch (IOException e) {
            System.err.println("livecheck: could not write Allure environment: " + e.getMessage());
        }
    }
}
