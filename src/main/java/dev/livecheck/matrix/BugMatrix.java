package dev.livecheck.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.gate.Checklist;
import dev.livecheck.gate.ChecklistItem;
import dev.livecheck.junit.Checks;
import dev.livecheck.config.Settings;
import dev.livecheck.livekit.LiveKitServer;
import dev.livecheck.livekit.LiveKitServers;
import dev.livecheck.refapp.Bug;
import io.qameta.allure.junitplatform.AllureJunitPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs the checklist against the fixture apps with each of their bugs switched on and writes detection.md /
 * detection.json. Each bug runs only the items declared to catch it plus its app's sanity items; each fixture
 * app other than the reference app gets a clean run of those items first. The reference app's clean run is the
 * gate's verdict of the checklist run before it (or, with no verdict, a full clean run here). The runs go to
 * {@code --shards=N} JVMs at once (each with its own LiveKit), or one after the other in this one.
 *
 * <pre>mvn verify -Pbug-matrix                       # everything
 * mvn verify -Pbug-matrix -Dlivecheck.matrix.bugs=no-auth-check,silent-disconnect -Dlivecheck.matrix.shards=1</pre>
 * {@code --skip-apps=a,b} leaves those fixture apps out (-Dlivecheck.matrix.skipApps), for a quicker run.
 * {@code --nightly=true} (-Pnightly) adds the bugs declared {@code needs.nightly}: every run leaves them out to keep to
 * its time budget, each of their items being proven by another bug every run.
 */
public final class BugMatrix {
    /** Bugs declared {@code needs.nightlySuites}: their items are run with the nightly suites too. */
    private static Set<String> nightlySuiteBugs = Set.of();

    private static final String SUITES = "dev.livecheck.checklist";
    /** Marks an item whose test was skipped or could not run, in the per-bug results. */
    static final String NOT_RUN = DetectionReport.NOT_RUN;

    private BugMatrix() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path out = Path.of(options.getOrDefault("out", "target/livecheck"));
        System.setProperty("allure.results.directory", out.resolve("matrix-allure-results").toString());
        System.setProperty("livecheck.livekit.reuse", "true");
        // the clean run proved the profile fits; each bug's run goes straight to its items
        System.setProperty("livecheck.app.profileCheck", "false");
        // a bug is caught by a check that fails: a shorter wait only makes it fail sooner (joins take 3-5 s here)
        System.setProperty("livecheck.timeout.seconds", options.getOrDefault("timeout-seconds", "12"));

        Set<String> items = checklistIds(Path.of(options.getOrDefault("checklist", "testdata/checklist.md")));
        Set<String> bugs = Arrays.stream(Bug.values()).map(Bug::id).collect(Collectors.toCollection(TreeSet::new));
        Path declared = Path.of(options.getOrDefault("expectations", "testdata/bug-detection.properties"));
        Expectations expectations = Expectations.load(declared, bugs, items);
        Set<String> only = Arrays.stream(options.getOrDefault("bugs", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (!only.isEmpty()) {
            expectations = expectations.onlyBugs(only::contains);
        } else if (!options.containsKey("jobs") && !Boolean.parseBoolean(options.getOrDefault("nightly", "false"))) {
            // (a shard runs the jobs its parent chose, nightly ones named in --bugs included)
            // the every-run matrix keeps to its time budget: bugs whose items another bug proves every run wait for the
            // nightly run (-Pnightly); naming them in --bugs runs them any time
            Set<String> nightly = Expectations.needing(declared, "nightly");
            expectations = expectations.onlyBugs(bug -> !nightly.contains(bug));
            System.out.println("[bug-matrix] left to the nightly run (-Pnightly), their items proven here by other bugs: " + String.join(", ", nightly));
        }

        // bugs only a nightly suite shows (a session past its token's lifetime): those suites run for them alone
        nightlySuiteBugs = Expectations.needing(declared, "nightlySuites");

        // bugs of recording through LiveKit Egress: only a run with Egress beside its LiveKit can show them
        Set<String> needEgress = Expectations.needing(declared, "egress");
        if (!Settings.fromSystem().getBoolean("livecheck.egress", false) && expectations.itemsByBug().keySet().stream().anyMatch(needEgress::contains)) {
            expectations = expectations.onlyBugs(bug -> !needEgress.contains(bug));
            System.out.println("[bug-matrix] left out, they need LiveKit Egress (-Dlivecheck.egress=true): " + String.join(", ", needEgress));
        }

        // fixture apps left out (--skip-apps): neither their clean run nor their bugs
        Set<String> skipped = Arrays.stream(options.getOrDefault("skip-apps", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        if (!skipped.isEmpty()) {
            Expectations kept = expectations.onlyBugs(bug -> skipped.stream().noneMatch(app -> bug.startsWith(app + "/")));
            expectations = new Expectations(kept.itemsByBug(), kept.sanity(), kept.apps().entrySet().stream().filter(e -> !skipped.contains(e.getKey()))
                            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
            System.out.println("[bug-matrix] fixture apps left out: " + String.join(", ", new TreeSet<>(skipped)));
        }

        Instant started = Instant.now();
        List<Job> jobs = jobs(expectations);
        Optional<String> jobKeys = Optional.ofNullable(options.get("jobs"));
        // a shard only runs its jobs: the reference app's clean run is the parent's business
        Set<String> cleanFailures = jobKeys.isPresent() ? new TreeSet<>()
                : new TreeSet<>(cleanFailures(Path.of(options.getOrDefault("clean-verdict", out.resolve("verdict.json").toString())), items));
        if (jobKeys.isPresent()) {
            Set<String> mine = Set.of(jobKeys.get().split(","));
            jobs = jobs.stream().filter(j -> mine.contains(j.key())).toList();
        }
        int shards = Integer.parseInt(options.getOrDefault("shards", "1"));
        Map<String, JobResult> results = shards > 1 && jobKeys.isEmpty() ? Shards.run(jobs, shards, out, args) : runAll(jobs);
        if (options.containsKey("results-out")) {
            Shards.write(Path.of(options.get("results-out")), results);
            System.exit(0);
        }

        Map<String, Set<String>> failedByBug = new LinkedHashMap<>();
        Map<String, Long> seconds = new LinkedHashMap<>();
        for (Job job : jobs) {
            JobResult r = results.get(job.key());
            if (r == null) {
                throw new IllegalStateException("the bug matrix has no result for " + job.key() + " (its shard did not run it): see the shard's output above");
            }
            if (job.isClean()) {
                r.failed().forEach(item -> cleanFailures.add(job.app().orElseThrow().name() + "/" + item));
            } else {
                failedByBug.put(job.key(), r.failed());
                seconds.put(job.key(), r.seconds());
            }
        }
        DetectionReport report = new DetectionReport(expectations, failedByBug, cleanFailures, seconds);
        report.write(out);
        System.out.printf("[bug-matrix] detection rate %.0f%%, wall time %d s (%d shard%s); report in %s%n", report.detectionRate() * 100,
                Duration.between(started, Instant.now()).toSeconds(), shards, shards == 1 ? "" : "s", out.resolve("detection.md").toAbsolutePath());
        if (!report.problems().isEmpty()) {
            report.problems().forEach(p -> System.err.println("[bug-matrix] " + p));
            System.exit(1);
        }
        System.exit(0);
    }

    /** One run of the matrix: a fixture app's clean run (bug "") or a bug's run, with the items it checks. */
    record Job(String key, Optional<Expectations.FixtureApp> app, String bug, Set<String> items) {
        boolean isClean() {
            return bug.isEmpty();
        }
    }

    /** What a job found: the items that did not pass, and how long it took. */
    record JobResult(Set<String> failed, long seconds) {
    }

    /** The fixture apps' clean runs first (only for apps with bugs to run), then every bug. */
    static List<Job> jobs(Expectations expectations) {
        List<Job> jobs = new java.util.ArrayList<>();
        for (Expectations.FixtureApp app : expectations.apps().values()) {
            if (expectations.itemsByBug().keySet().stream().anyMatch(b -> b.startsWith(app.name() + "/"))) {
                jobs.add(new Job("clean:" + app.name(), Optional.of(app), "", expectations.itemsOf(app)));
            }
        }
        for (String bug : expectations.itemsByBug().keySet()) {
            jobs.add(new Job(bug, expectations.appOf(bug), Expectations.bugId(bug), expectations.itemsToRun(bug)));
        }
        return jobs;
    }

    /** Runs the jobs here, one after the other, on one LiveKit. */
    private static Map<String, JobResult> runAll(List<Job> jobs) {
        Map<String, JobResult> results = new LinkedHashMap<>();
        try {
            int n = 0;
            for (Job job : jobs) {
                n++;
                System.out.printf("[bug-matrix] %d/%d %s: running %s%n", n, jobs.size(), job.key(), job.items());
                Instant t = Instant.now();
                Set<String> failed = run(job.app(), job.bug(), job.items());
                results.put(job.key(), new JobResult(failed, Duration.between(t, Instant.now()).toSeconds()));
                System.out.printf("[bug-matrix]   %s: failed %s (%d s)%n", job.key(), failed, results.get(job.key()).seconds());
            }
        } finally {
            LiveKitServers.closeShared();
        }
        return results;
    }

    /** Items that did not pass on the clean app: from the gate's verdict, or from a full clean run here. */
    private static Set<String> cleanFailures(Path verdict, Set<String> items) throws IOException {
        if (Files.isReadable(verdict)) {
            JsonNode root = new ObjectMapper().readTree(verdict.toFile());
            Set<String> failed = new TreeSet<>();
            root.path("items").forEach(item -> {
                // passed in part for this app (P-08 without a recording file) is still the clean app passing
                if (!Set.of("passed", "partial").contains(item.path("status").asText())) {
                    failed.add(item.path("id").asText());
                }
            });
            System.out.println("[bug-matrix] clean run: the release gate's verdict " + verdict + (failed.isEmpty() ? " (all green)" : " failed " + failed));
            return failed;
        }
        System.out.println("[bug-matrix] clean run: no verdict at " + verdict + ", running the whole checklist on the clean app");
        return run(Optional.empty(), "", items);
    }

    /**
     * Runs the suites' tests that check any of {@code items} against the reference app (or a fixture app the
     * matrix starts), with {@code bug} switched on; returns the items that did not pass.
     */
    static Set<String> run(Optional<Expectations.FixtureApp> app, String bug, Set<String> items) {
        boolean nightlySuites = nightlySuiteBugs.contains(bug);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("livecheck.app.bugs", bug);
        app.ifPresent(a -> {
            properties.put("livecheck.app.command", a.command());
            properties.put("livecheck.app.profile", a.profile());
            properties.putAll(a.settings());
            if (a.externalLiveKit()) {
                // the matrix's own LiveKit, seen as a deployment livecheck only has the URL, key and media ports of
                LiveKitServer shared = LiveKitServers.startShared(Settings.fromSystem());
                properties.put("livecheck.livekit.reuse", "false");
                properties.put("livecheck.livekit.mode", "external");
                properties.put("livecheck.livekit.url", shared.wsUrl());
                properties.put("livecheck.livekit.apiKey", shared.credentials().apiKey());
                properties.put("livecheck.livekit.apiSecret", shared.credentials().apiSecret());
                properties.put("livecheck.livekit.mediaEndpoints", shared.mediaEndpoints().stream()
                        .map(dev.livecheck.net.MediaEndpoint::key).collect(Collectors.joining(",")));
            }
        });
        List<SuiteRunner.Outcome> outcomes = new java.util.ArrayList<>(runItems(items, properties, nightlySuites));
        // A bug that breaks a scenario's shared call early keeps its later items from running ("not run: the call broke
        // in …"): no proof either way for those. Each is run again on a call of its own, so every declared item is judged.
        Set<String> brokenOff = outcomes.stream().filter(o -> !o.passed() && !o.failedCheck() && !o.inconclusive() && !o.setupError()
                        && o.message().startsWith("not run: "))
                .flatMap(o -> o.items().stream()).filter(items::contains).collect(Collectors.toCollection(TreeSet::new));
        if (!brokenOff.isEmpty()) {
            System.out.println("[bug-matrix]     the shared call broke before " + brokenOff + ": each run again on a call of its own");
            Map<String, String> alone = new LinkedHashMap<>(properties);
            alone.put("livecheck.scenarios", "false");
            List<SuiteRunner.Outcome> again = runItems(brokenOff, alone, nightlySuites);
            Set<String> rerun = again.stream().map(SuiteRunner.Outcome::test).collect(Collectors.toSet());
            outcomes.removeIf(o -> rerun.contains(o.test()));
            outcomes.addAll(again);
        }
        Set<String> failed = new TreeSet<>();
        for (SuiteRunner.Outcome o : outcomes) {
            if (o.failedCheck()) {
                failed.addAll(o.items());
            } else if (o.inconclusive()) {
                // the machine kept the test from a verdict: neither a detection nor a miss, reported apart
                failed.addAll(o.items().stream().map(id -> DetectionReport.INCONCLUSIVE + id).toList());
            } else if (!o.passed()) {
                // skipped, or could not run: no evidence either way, so never counted as a detection
                failed.addAll(o.items().stream().map(id -> NOT_RUN + id).toList());
            }
            if (!o.passed()) {
                System.out.println("[bug-matrix]     " + o.test() + ": " + (o.setupError() ? "COULD NOT RUN" : o.inconclusive() ? "INCONCLUSIVE (environment)"
                        : o.status()) + " — "
                        + o.message().lines().findFirst().orElse(""));
            }
        }
        failed.removeIf(id -> !items.contains(id.replace(NOT_RUN, "").replace(DetectionReport.INCONCLUSIVE, "")));
        return failed;
    }

    /** {@code nightlySuites}: the suites tagged nightly too (a bug only they show, declared {@code needs.nightlySuites}). */
    private static List<SuiteRunner.Outcome> runItems(Set<String> items, Map<String, String> properties, boolean nightlySuites) {
        return SuiteRunner.run(List.of(selectPackage(SUITES)),
                m -> (SuiteRunner.everyRunChecklistTest(m) || nightlySuites && SuiteRunner.nightlyChecklistTest(m))
                        && Arrays.stream(m.getAnnotation(Checks.class).value()).anyMatch(items::contains),
                properties, new AllureJunitPlatform());
    }

    private static Set<String> checklistIds(Path checklist) {
        try {
            return Checklist.read(checklist).items().stream().map(ChecklistItem::id).collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new LivecheckException("cannot read " + checklist + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new LivecheckException("bug matrix: unexpected argument '" + arg + "': use --name=value");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
