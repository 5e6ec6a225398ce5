package dev.livecheck.matrix;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one place where expected detections are declared (testdata/bug-detection.properties): for each bug,
 * the checklist items that must fail while it is switched on; the sanity items run with every bug; and the
 * fixture apps other than the reference app, with how the matrix starts them. A bug of such an app is
 * written {@code <app>/<bug>} and goes to the app as {@code APP_BUGS}.
 */
public record Expectations(Map<String, Set<String>> itemsByBug, Set<String> sanity, Map<String, FixtureApp> apps) {

    /**
     * A fixture app the matrix starts itself: its start command, its profile, its own sanity items, and
     * whether livecheck sees the matrix's LiveKit as an external deployment (as a team's app and LiveKit are).
     */
    public record FixtureApp(String name, String command, String profile, Set<String> sanity, boolean externalLiveKit,
                             Map<String, String> settings) {
    }

    public Expectations(Map<String, Set<String>> itemsByBug, Set<String> sanity) {
        this(itemsByBug, sanity, Map.of());
    }

    /** {@code needs.<capability>=bug,...}: bugs only a run with that capability can show (e.g. egress: recording through LiveKit Egress). */
    public static Set<String> needing(Path file, String capability) {
        Properties raw = read(file);
        return Arrays.stream(raw.getProperty("needs." + capability, "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Properties read(Path file) {
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            raw.load(in);
        } catch (IOException e) {
            throw new LivecheckException("cannot read bug expectations " + file + ": " + e.getMessage(), e);
        }
        return raw;
    }

    public static Expectations load(Path file, Set<String> knownBugs, Set<String> knownItems) {
        Properties raw = read(file);
        Set<String> sanity = items(raw.getProperty("sanity", ""), "sanity", file, knownItems);
        Map<String, FixtureApp> apps = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            if (key.startsWith("app.") && key.endsWith(".command")) {
                String app = key.substring(4, key.length() - ".command".length());
                String profile = raw.getProperty("app." + app + ".profile");
                if (profile == null) {
                    throw new LivecheckException("app '" + app + "' in " + file + " has a command but no profile: add app." + app + ".profile");
                }
                apps.put(app, new FixtureApp(app, raw.getProperty(key), profile,
                        items(raw.getProperty("app." + app + ".sanity", ""), "app." + app + ".sanity", file, knownItems),
                        "external".equals(raw.getProperty("app." + app + ".livekit", "local")), settingsOf(raw, app)));
            }
        }
        Map<String, Set<String>> byBug = new TreeMap<>();
        for (String bug : raw.stringPropertyNames()) {
            if (bug.equals("sanity") || bug.startsWith("app.") || bug.startsWith("needs.")) {
                continue;
            }
            int slash = bug.indexOf('/');
            if (slash > 0 && !apps.containsKey(bug.substring(0, slash))) {
                throw new LivecheckException("bug '" + bug + "' in " + file + " belongs to app '" + bug.substring(0, slash)
                        + "', which has no app." + bug.substring(0, slash) + ".command: declare how the matrix starts it");
            }
            if (slash < 0 && !knownBugs.contains(bug)) {
                throw new LivecheckException("unknown bug '" + bug + "' in " + file + ": the reference app knows " + knownBugs);
            }
            Set<String> items = items(raw.getProperty(bug), bug, file, knownItems);
            if (items.isEmpty()) {
                throw new LivecheckException("bug '" + bug + "' in " + file + " names no items: declare the items that must fail");
            }
            byBug.put(bug, items);
        }
        Set<String> undeclared = new LinkedHashSet<>(knownBugs);
        undeclared.removeAll(byBug.keySet());
        if (!undeclared.isEmpty()) {
            throw new LivecheckException("bugs " + undeclared + " have no expected detections in " + file + ": declare which items catch them");
        }
        return new Expectations(new LinkedHashMap<>(byBug), sanity, apps);
    }

    /** {@code app.<name>.set.<setting>=value}: settings of the runs against that app (e.g. a profile entry its deployment changes). */
    private static Map<String, String> settingsOf(Properties raw, String app) {
        String prefix = "app." + app + ".set.";
        Map<String, String> settings = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(k -> settings.put(k.substring(prefix.length()), raw.getProperty(k)));
        return settings;
    }

    private static Set<String> items(String list, String key, Path file, Set<String> knownItems) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(id -> {
            if (!knownItems.contains(id)) {
                throw new LivecheckException("'" + key + "' in " + file + " names item " + id + ", which testdata/checklist.md does not have");
            }
            items.add(id);
        });
        return items;
    }

    /** These expectations with only the bugs {@code keep} accepts (the fixture apps stay). */
    public Expectations onlyBugs(java.util.function.Predicate<String> keep) {
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        itemsByBug.forEach((bug, declared) -> {
            if (keep.test(bug)) {
                kept.put(bug, declared);
            }
        });
        return new Expectations(kept, sanity, apps);
    }

    /** The fixture app a bug belongs to; empty for the reference app's bugs. */
    public Optional<FixtureApp> appOf(String bug) {
        int slash = bug.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(apps.get(bug.substring(0, slash)));
    }

    /** The bug's own id, as its app knows it. */
    public static String bugId(String bug) {
        return bug.substring(bug.indexOf('/') + 1);
    }

    /** What runs for a bug: its items and its app's sanity items. */
    public Set<String> itemsToRun(String bug) {
        Set<String> run = new LinkedHashSet<>(itemsByBug.get(bug));
        run.addAll(sanityOf(bug));
        return run;
    }

    public Set<String> sanityOf(String bug) {
        return appOf(bug).map(FixtureApp::sanity).orElse(sanity);
    }

    /** Every item declared for any bug of this fixture app, plus its sanity items: what its clean run checks. */
    public Set<String> itemsOf(FixtureApp app) {
        Set<String> items = new LinkedHashSet<>(app.sanity());
        itemsByBug.forEach((bug, declared) -> {
            if (bug.startsWith(app.name() + "/")) {
                items.addAll(declared);
            }
        });
        return items;
    }
}
