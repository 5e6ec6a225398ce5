package dev.livecheck.profile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's profile reference names every element, text and feature a profile may give. */
class ProfileReferenceTest {
    @Test
    void theReadmeDocumentsEveryProfileEntry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        AppProfile.LOCATORS.keySet().forEach(key -> assertThat(readme).as("README lists element %s", key).contains("| `" + key + "` |"));
        AppProfile.TEXTS.keySet().forEach(key -> assertThat(readme).as("README lists text %s", key).contains("| `" + key + "` |"));
        for (Feature feature : Feature.values()) {
            assertThat(readme).as("README lists feature %s", feature.key()).contains("`" + feature.key() + "`");
        }
        Conventions.CONSOLE_KEYS.keySet().forEach(key -> assertThat(readme).as("README lists console line %s", key).contains("`" + key + "`"));
    }
}
