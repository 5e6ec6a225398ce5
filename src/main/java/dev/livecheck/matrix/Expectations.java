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
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place where expected detections are declared (testdata/bug-detection.properties): for each
 * bug, the checklist items that must fail while it is switched on; and the sanity items run with every bug.
 */
public record Expectations(Map<String, Set<String>> itemsByBug, Set<String> sanity) {

    public static Expectations load(Path file, Set<String> knownBugs, Set<String> knownItems) {
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            raw.load(in);
        } catch (IOException e) {
            throw new LivecheckException("cannot read bug expectations " + file + ": " + e.getMessage(), e);
        }
        Set<String> sanity = items(raw.getProperty("sanity", ""), "sanity", file, knownItems);
        Map<String, Set<String>> byBug = new TreeMap<>();
        for (String bug : raw.stringPropertyNames()) {
            if (bug.equals("sanity")) {
                continue;
            }
            if (!knownBugs.contains(bug)) {
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
        return new Expectations(new LinkedHashMap<>(byBug), sanity);
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

    /** What runs for a bug: its items and the sanity items. */
    public Set<String> itemsToRun(String bug) {
        Set<String> run = new LinkedHashSet<>(itemsByBug.get(bug));
        run.addAll(sanity);
        return run;
    }
}
