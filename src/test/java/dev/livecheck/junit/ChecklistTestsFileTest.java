package dev.livecheck.junit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed list of the checklist's tests ({@value ChecklistSuites#EXPECTATION}) is the compiled suites': a test
 * deleted, renamed, moved to another item or made nightly-only fails here, naming the difference, until the file says
 * so too — a change to what the release checks, made on purpose and reviewed. The gate holds every run to the file
 * (a test it names that the code lacks is missing), so the file is what keeps a lost test from going unnoticed.
 */
class ChecklistTestsFileTest {
    private static final Path FILE = Path.of("src/test/resources").resolve(ChecklistSuites.EXPECTATION);

    @Test
    void theCommittedListIsTheCompiledSuites() throws IOException {
        List<ChecklistSuites.Entry> code = ChecklistSuites.inCode(Set.of("dev.livecheck.checklist"));
        String expected = ChecklistSuites.format(code);
        if (Boolean.getBoolean("livecheck.expectedTests.update")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        List<ChecklistSuites.Entry> committed = ChecklistSuites.parse(Files.readString(FILE, StandardCharsets.UTF_8));
        assertThat(differences(committed, code)).as("%s against the compiled suites — update it (or run mvn -o -q test"
                + " -Dtest=ChecklistTestsFileTest -Dlivecheck.expectedTests.update=true) and say why in the commit", FILE).isEmpty();
        assertThat(code).as("checklist tests in dev.livecheck.checklist").hasSizeGreaterThan(40);
    }

    @Test
    void aDeletedOrRenamedTestIsNamed() {
        List<ChecklistSuites.Entry> committed = ChecklistSuites.parse("P-01 a.B.logsIn\nE-04 a.Q.loss nightly\n");
        List<ChecklistSuites.Entry> code = ChecklistSuites.parse("P-01 a.B.logsInRenamed\nE-04 a.Q.loss\n");
        assertThat(differences(committed, code)).containsExactly(
                "in the file, not in the code (deleted or renamed?): P-01 a.B.logsIn",
                "in the file, not in the code (deleted or renamed?): E-04 a.Q.loss nightly",
                "in the code, not in the file: P-01 a.B.logsInRenamed",
                "in the code, not in the file: E-04 a.Q.loss");
    }

    private static List<String> differences(List<ChecklistSuites.Entry> committed, List<ChecklistSuites.Entry> code) {
        Set<String> inFile = new TreeSet<>(committed.stream().map(ChecklistSuites.Entry::line).toList());
        Set<String> inCode = new TreeSet<>(code.stream().map(ChecklistSuites.Entry::line).toList());
        List<String> out = new ArrayList<>();
        for (ChecklistSuites.Entry e : committed) {
            if (!inCode.contains(e.line())) {
                out.add("in the file, not in the code (deleted or renamed?): " + e.line());
            }
        }
        for (ChecklistSuites.Entry e : code) {
            if (!inFile.contains(e.line())) {
                out.add("in the code, not in the file: " + e.line());
            }
        }
        return out;
    }
}
