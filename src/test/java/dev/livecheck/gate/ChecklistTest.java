package dev.livecheck.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    @Test
    void parsesItemsWithSectionsAndLineNumbers() throws GateInputException {
        Checklist checklist = Checklist.parse("# T\n## Provider side\n- [ ] P-01 Login  \n## Errors\n- [x] E-01 Timeout\n", "c.md");

        assertThat(checklist.items()).containsExactly(
                new ChecklistItem("P-01", "Login", "provider", 3),
                new ChecklistItem("E-01", "Timeout", "errors", 5));
    }

    @Test
    void rendersEverythingElseVerbatimWithTheSummaryAfterTheTitle() throws GateInputException {
        Checklist checklist = Checklist.parse("# T\r\n\r\nprose *kept*\r\n## A\r\n- [ ] A-01 One\r\n", "c.md");

        String rendered = checklist.render("**summary**", Map.of("A-01", "- [x] A-01 One — passed"));

        assertThat(rendered).isEqualTo("# T\n\n**summary**\n\nprose *kept*\n## A\n- [x] A-01 One — passed\n");
    }

    @Test
    void putsTheSummaryFirstWhenThereIsNoTitle() throws GateInputException {
        Checklist checklist = Checklist.parse("- [ ] A-01 One\n", "c.md");

        assertThat(checklist.render("S", Map.of())).isEqualTo("S\n\n- [ ] A-01 One\n");
    }

    @Test
    void rejectsAnItemWithoutTitle() {
        assertThatThrownBy(() -> Checklist.parse("## A\n- [ ] A-01\n", "c.md"))
                .isInstanceOf(GateInputException.class)
                .hasMessageContaining("c.md line 2: malformed item");
    }
}
