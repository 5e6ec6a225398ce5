package dev.livecheck.profile;

import dev.livecheck.config.LivecheckException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocatorTest {
    @Test
    void kindsBecomeSeleniumLocators() {
        assertThat(Locator.parse("testid:booking-row-{session}", "t").by(Map.of("session", "5001")).toString())
                .isEqualTo("By.cssSelector: [data-testid='booking-row-5001']");
        assertThat(Locator.parse("css:.lk-participant-tile video", "t").by(Map.of()).toString()).isEqualTo("By.cssSelector: .lk-participant-tile video");
        assertThat(Locator.parse("text:Waiting for client…", "t").by(Map.of()).toString()).contains("normalize-space(text())='Waiting for client…'");
        assertThat(Locator.parse("button:Join Room", "t").by(Map.of()).toString()).contains("//button[normalize-space(.)='Join Room'");
    }

    @Test
    void valuesWithQuotesStayOneLiteral() {
        assertThat(Locator.xpathString("O'Brien")).isEqualTo("\"O'Brien\"");
        assertThat(Locator.xpathString("a'b\"c")).isEqualTo("concat('a',\"'\",'b\"c')");
        assertThat(Locator.parse("css:[data-name='{name}']", "t").by(Map.of("name", "O'Brien")).toString()).contains("[data-name='O\\'Brien']");
    }

    @Test
    void aPlaceholderWithoutValueAndAnUnknownKindAreProfileErrors() {
        assertThatThrownBy(() -> Locator.parse("testid:row-{session}", "t").by(Map.of())).isInstanceOf(LivecheckException.class)
                .hasMessageContaining("needs {session}");
        assertThatThrownBy(() -> Locator.parse("id:x", "where")).hasMessageContaining("unknown locator kind 'id'");
        assertThatThrownBy(() -> Locator.parse("login-email", "where")).hasMessageContaining("is not a locator");
    }

    @Test
    void namePatternsMatchWhatTheAppMakesUp() {
        NamePattern exact = NamePattern.of("{role}-{id}", Map.of("role", "provider", "id", "101"), "t");
        assertThat(exact.exact()).contains("provider-101");
        assertThat(exact.matches("provider-101")).isTrue();
        assertThat(exact.matches("101")).isFalse();

        NamePattern made = NamePattern.of("{name}__{random}", Map.of("name", "Dr. Ada"), "t");
        assertThat(made.exact()).isEmpty();
        assertThat(made.matches("Dr. Ada__x7k2")).isTrue();
        assertThat(made.matches("Dr! Ada__x7k2")).as("the name is literal, not a regex").isFalse();
    }
}
