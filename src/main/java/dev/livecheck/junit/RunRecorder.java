package dev.livecheck.junit;

import dev.livecheck.gate.RunRecord;
import io.qameta.allure.util.PropertiesUtils;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the run's record ({@link RunRecord}, {@code livecheck-run.json}) into the Allure results folder: at the start,
 * every checklist test the code and the committed expectation have in the packages this run's test plan draws its
 * checklist tests from, with whether the plan selected it; as tests end, what the run said of them (not applicable:
 * the profile's reason and what was checked of it; partial: why). It gives the run an id, which every Allure result
 * started during the run carries as the label {@value RunRecord#RUN_LABEL} (Allure adds {@code allure.label.*} system
 * properties to each result). Registered for every JUnit run (META-INF/services); a plan with no checklist test writes
 * nothing. A nested launcher adds one itself ({@link #into}); one recorder over several launches is one run
 * (the repeated checklist), and so is a run with {@code livecheck.keepResults=true}, which continues the folder's record.
 */
public final class RunRecorder implements TestExecutionListener {
    private static final String LABEL_PROPERTY = "allure.label." + RunRecord.RUN_LABEL;

    private final Path folder;
    private final Boolean continueFolder;
    private RunRecord record;
    private final Map<String, String> testByUniqueId = new LinkedHashMap<>();
    private String labelBefore;

    /** For JUnit's service loader: Allure's own results folder ({@code allure.results.directory}), continued when {@code livecheck.keepResults}. */
    public RunRecorder() {
        this(null, null);
    }

    private RunRecorder(Path folder, Boolean continueFolder) {
        this.folder = folder;
        this.continueFolder = continueFolder;
    }

    /** A recorder for a nested launch writing its Allure results to {@code folder}: a new run there. */
    public static RunRecorder into(Path folder) {
        return new RunRecorder(folder, false);
    }

    /** As {@link #into}, continuing the run already recorded there, if any (every attempt in one folder counts). */
    public static RunRecorder continuing(Path folder) {
        return new RunRecorder(folder, true);
    }

    private Path folder() {
        return folder != null ? folder : Path.of(PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        Map<String, ChecklistSuites.Entry> selected = new LinkedHashMap<>();
        Set<String> packages = new TreeSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                checklistMethod(id).ifPresent(m -> {
                    ChecklistSuites.Entry entry = ChecklistSuites.of(m);
                    selected.put(entry.test(), new ChecklistSuites.Entry(entry.test(), entry.items(), entry.nightly(), id.getDisplayName()));
                    testByUniqueId.put(id.getUniqueId(), entry.test());
                    packages.add(m.getDeclaringClass().getPackageName());
                });
            }
        }
        if (selected.isEmpty()) {
            return;
        }
        List<RunRecord.Test> tests = new ArrayList<>();
        Set<String> inCode = new TreeSet<>();
        for (ChecklistSuites.Entry e : ChecklistSuites.inCode(packages)) {
            inCode.add(e.test());
            ChecklistSuites.Entry shown = selected.getOrDefault(e.test(), e);
            tests.add(new RunRecord.Test(e.test(), shown.name(), e.items(), e.nightly(), true, selected.containsKey(e.test()), null, null));
        }
        selected.values().stream().filter(e -> !inCode.contains(e.test()))
                .forEach(e -> tests.add(new RunRecord.Test(e.test(), e.name(), e.items(), e.nightly(), true, true, null, null)));
        Optional<ChecklistSuites.Expectation> expectation = ChecklistSuites.expectation();
        expectation.ifPresent(x -> x.entries().stream()
                .filter(e -> packages.contains(e.packageName()) && !inCode.contains(e.test()) && !selected.containsKey(e.test()))
                .forEach(e -> tests.add(new RunRecord.Test(e.test(), e.name(), e.items(), e.nightly(), false, false, null, null))));
        String now = Instant.now().toString();
        boolean continueRun = continueFolder != null ? continueFolder : Boolean.getBoolean("livecheck.keepResults");
        Optional<RunRecord> earlier = record != null ? Optional.of(record) : continueRun ? previous() : Optional.empty();
        String source = expectation.map(ChecklistSuites.Expectation::source).orElse(null);
        record = earlier.map(r -> new RunRecord(r.runId(), r.started(), null, source, RunRecord.merge(r.tests(), tests)))
                .orElseGet(() -> new RunRecord(newId(), now, null, source, tests));
        labelBefore = System.getProperty(LABEL_PROPERTY);
        System.setProperty(LABEL_PROPERTY, record.runId());
        write();
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String test = testByUniqueId.get(id.getUniqueId());
        if (record == null || test == null) {
            return;
        }
        Optional<String> partial = Partial.take(id.getUniqueId());
        Optional<NotApplicable> notApplicable = result.getThrowable().filter(NotApplicable.class::isInstance).map(NotApplicable.class::cast);
        if (partial.isEmpty() && notApplicable.isEmpty()) {
            return;
        }
        List<RunRecord.Test> tests = new ArrayList<>();
        for (RunRecord.Test t : record.tests()) {
            RunRecord.Test now = t;
            if (t.test().equals(test)) {
                if (notApplicable.isPresent()) {
                    NotApplicable na = notApplicable.get();
                    now = now.withNotApplicable(new RunRecord.NotApplicableNote(na.feature().key(), na.reason(), na.checked().orElse(null)));
                }
                if (partial.isPresent()) {
                    now = now.withPartial(partial.get());
                }
            }
            tests.add(now);
        }
        record = record.withTests(tests);
        write();
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (record == null) {
            return;
        }
        record = record.finishedAt(Instant.now().toString());
        write();
        if (labelBefore == null) {
            System.clearProperty(LABEL_PROPERTY);
        } else {
            System.setProperty(LABEL_PROPERTY, labelBefore);
        }
    }

    /** The run's id, once the plan started (for a caller that wants to name it). */
    public synchronized Optional<String> runId() {
        return Optional.ofNullable(record).map(RunRecord::runId);
    }

    private static Optional<Method> checklistMethod(TestIdentifier id) {
        if (!id.isTest()) {
            return Optional.empty();
        }
        return id.getSource().filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getJavaMethod())
                .filter(m -> m.isAnnotationPresent(Checks.class));
    }

    private Optional<RunRecord> previous() {
        try {
            return RunRecord.read(folder());
        } catch (dev.livecheck.gate.GateInputException unreadable) {
            return Optional.empty();
        }
    }

    private static String newId() {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private void write() {
        try {
            record.write(folder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's record to " + folder() + ": " + e.getMessage(), e);
        }
    }
}
