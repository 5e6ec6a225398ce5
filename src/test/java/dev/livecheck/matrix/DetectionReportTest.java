package dev.livecheck.matrix;

import dev.livecheck.config.LivecheckException;
import dev.livecheck.gate.Checklist;
import dev.livecheck.gate.ChecklistItem;
import dev.livecheck.refapp.Bug;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectionReportTest {
    private static final Set<String> ITEMS = Set.of("P-01", "C-01", "E-01", "E-02", "C-07");

    private static Expectations expectations() {
        Map<String, Set<String>> byBug = new LinkedHashMap<>();
        byBug.put("no-auth-check", Set.of("E-02"));
        byBug.put("no-connect-timeout", Set.of("E-01"));
        byBug.put("role-hardcoded", Set.of("C-07", "P-01"));
        return new Expectations(byBug, Set.of("C-01"));
    }

    @Test
    void everyBugCaughtAndCleanGreenPasses() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of("E-02"), "no-connect-timeout", Set.of("E-01"), "role-hardcoded", Set.of("C-07", "P-01")), Set.of(), Map.of());
        assertThat(report.problems()).isEmpty();
        assertThat(report.detectionRate()).isEqualTo(1.0);
        assertThat(report.bugsByItem()).containsEntry("E-02", Set.of("no-auth-check"));
    }

    @Test
    void aBugNothingCaughtFailsTheMatrix() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of(), "no-connect-timeout", Set.of("E-01"), "role-hardcoded", Set.of("C-07", "P-01")), Set.of(), Map.of());
        assertThat(report.problems()).containsExactly("bug no-auth-check was caught by none of its items [E-02]");
        assertThat(report.markdown()).contains("| no-auth-check | **NO** |");
    }

    @Test
    void aDeclaredItemThatStaysGreenFailsTheMatrix() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of("E-02"), "no-connect-timeout", Set.of("E-01"), "role-hardcoded", Set.of("C-07")), Set.of(), Map.of());
        assertThat(report.problems()).containsExactly("bug role-hardcoded: declared items stayed green: [P-01]");
    }

    @Test
    void aSkippedOrUnrunnableItemIsNeverADetection() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of(DetectionReport.NOT_RUN + "E-02"), "no-connect-timeout", Set.of("E-01"),
                        "role-hardcoded", Set.of("C-07", "P-01")), Set.of(), Map.of());
        assertThat(report.problems()).containsExactly("bug no-auth-check was caught by none of its items [E-02]",
                "bug no-auth-check: items skipped or could not run, so prove nothing: [E-02]");
    }

    @Test
    void anInconclusiveItemIsNeverADetectionAndIsReportedApart() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of(DetectionReport.INCONCLUSIVE + "E-02"), "no-connect-timeout", Set.of("E-01"),
                        "role-hardcoded", Set.of("C-07", DetectionReport.INCONCLUSIVE + "P-01")), Set.of(), Map.of());
        assertThat(report.bugs().get(0).caught()).isFalse();
        assertThat(report.bugs().get(0).failed()).isEmpty();
        assertThat(report.bugsByItem()).doesNotContainKeys("E-02", "P-01");
        assertThat(report.problems()).containsExactly(
                "bug no-auth-check has no verdict: its items [E-02] were inconclusive (environment)",
                "bug no-auth-check: items inconclusive (environment: the machine, not the app), so prove nothing: [E-02]"
                        + " — rerun with -Dlivecheck.matrix.bugs=no-auth-check -Dlivecheck.matrix.shards=1",
                "bug role-hardcoded: items inconclusive (environment: the machine, not the app), so prove nothing: [P-01]"
                        + " — rerun with -Dlivecheck.matrix.bugs=role-hardcoded -Dlivecheck.matrix.shards=1");
        assertThat(report.detectionRate()).as("an inconclusive bug is not caught").isLessThan(1.0);
        assertThat(report.markdown()).contains("(2 of 3 bugs caught; 2 with items inconclusive (environment), never counted as caught)",
                "| no-auth-check | **NO** |  |  |  | E-02 |");
        assertThat(report.json()).containsEntry("inconclusive", java.util.List.of("no-auth-check", "role-hardcoded"));
    }

    @Test
    void aFailingSanityItemMakesTheBugsRunUntrustworthy() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of("E-02", "C-01"), "no-connect-timeout", Set.of("E-01"), "role-hardcoded", Set.of("C-07", "P-01")),
                Set.of(), Map.of());
        assertThat(report.problems()).containsExactly("bug no-auth-check: sanity items failed too, so the run is not trustworthy: [C-01]");
    }

    @Test
    void aRedCleanRunFailsTheMatrix() {
        DetectionReport report = new DetectionReport(expectations(),
                Map.of("no-auth-check", Set.of("E-02"), "no-connect-timeout", Set.of("E-01"), "role-hardcoded", Set.of("C-07", "P-01")), Set.of("P-01"), Map.of());
        assertThat(report.problems()).containsExactly("the clean app failed items [P-01]");
    }

    @Test
    void expectationsMustCoverEveryBugAndNameOnlyKnownItems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.properties");
        Files.writeString(file, "sanity=C-01\nno-auth-check=E-02\n");
        assertThatThrownBy(() -> Expectations.load(file, Set.of("no-auth-check", "silent-disconnect"), ITEMS))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("[silent-disconnect] have no expected detections");
        Files.writeString(file, "no-auth-check=Z-99\n");
        assertThatThrownBy(() -> Expectations.load(file, Set.of("no-auth-check"), ITEMS))
                .isInstanceOf(LivecheckException.class).hasMessageContaining("names item Z-99");
    }

    @Test
    void aFixtureAppsBugsNeedTheAppDeclared(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bugs.properties");
        Files.writeString(file, "no-auth-check=E-02\nhuddle/no-timeout=E-01\n");
        assertThatThrownBy(() -> Expectations.load(file, Set.of("no-auth-check"), ITEMS)).hasMessageContaining("app.huddle.command");
        Files.writeString(file, "no-auth-check=E-02\napp.huddle.command=node server.mjs\napp.huddle.profile=huddle\napp.huddle.sanity=C-01\nhuddle/no-timeout=E-01\n");
        Expectations loaded = Expectations.load(file, Set.of("no-auth-check"), ITEMS);
        assertThat(loaded.appOf("huddle/no-timeout")).map(Expectations.FixtureApp::profile).contains("huddle");
        assertThat(Expectations.bugId("huddle/no-timeout")).isEqualTo("no-timeout");
        assertThat(loaded.itemsToRun("huddle/no-timeout")).containsExactlyInAnyOrder("E-01", "C-01");
        assertThat(loaded.appOf("no-auth-check")).isEmpty();
        Files.writeString(file, "no-auth-check=E-02\napp.huddle.command=node s.mjs\napp.huddle.profile=huddle\napp.huddle.livekit=external\n"
                + "app.huddle.set.livecheck.profile.conventions.connectTimeoutMs=5000\nhuddle/no-timeout=E-01\n");
        Expectations.FixtureApp huddle = Expectations.load(file, Set.of("no-auth-check"), ITEMS).appOf("huddle/no-timeout").orElseThrow();
        assertThat(huddle.externalLiveKit()).isTrue();
        assertThat(huddle.settings()).containsEntry("livecheck.profile.conventions.connectTimeoutMs", "5000");
    }

    @Test
    void theShippedExpectationsCoverEveryReferenceAppBug() throws Exception {
        Set<String> bugs = Arrays.stream(Bug.values()).map(Bug::id).collect(Collectors.toSet());
        Set<String> items = Checklist.read(Path.of("testdata/checklist.md")).items().stream().map(ChecklistItem::id).collect(Collectors.toSet());
        Expectations shipped = Expectations.load(Path.of("testdata/bug-detection.properties"), bugs, items);
        assertThat(shipped.itemsByBug().keySet().stream().filter(b -> !b.contains("/"))).containsExactlyInAnyOrderElementsOf(bugs);
        assertThat(shipped.apps()).containsKey("components-app");
        assertThat(shipped.itemsByBug().keySet()).as("the components fixture app's bugs").filteredOn(b -> b.startsWith("components-app/")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(shipped.itemsToRun("components-app/no-connect-timeout")).as("its own sanity items").contains("P-04", "C-04").doesNotContain("P-01");
        Set<String> declared = shipped.itemsByBug().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(declared).as("items some bug must turn red: every item's check is shown to fail").containsExactlyInAnyOrderElementsOf(items);

        Path file = Path.of("testdata/bug-detection.properties");
        Set<String> nightly = Expectations.needing(file, "nightly");
        Set<String> egress = Expectations.needing(file, "egress");
        assertThat(shipped.itemsByBug().keySet()).as("bugs left to the nightly run or to Egress are declared bugs").containsAll(nightly).containsAll(egress);
        assertThat(nightly).as("a bug only a nightly suite shows is left to the nightly run").containsAll(Expectations.needing(file, "nightlySuites"));
        Set<String> everyRun = shipped.onlyBugs(b -> !nightly.contains(b) && !egress.contains(b)).itemsByBug().values().stream()
                .flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(everyRun).as("every run's matrix shows every item's check failing, without the nightly and Egress bugs")
                .containsExactlyInAnyOrderElementsOf(items);
    }
}
