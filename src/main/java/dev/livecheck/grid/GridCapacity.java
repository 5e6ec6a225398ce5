package dev.livecheck.grid;

import dev.livecheck.browser.BrowserChoice;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many checklist classes a Selenium Grid carries at once, asked before any browser of the run holds a slot and then
 * remembered for the run: asked again mid-run, the Grid would count the run's own sessions (or ones it has not released yet) as
 * someone else's and call itself full. A refusal is not remembered: each class asks again and says why in one line.
 */
public final class GridCapacity {
    /** The participants of a checklist class's call, each with a browser of its own. */
    private static final List<String> PER_CLASS = List.of("provider", "client");
    private static final Map<String, Integer> ASKED = new ConcurrentHashMap<>();

    private GridCapacity() {
    }

    public static int classesAtOnce(URI grid, BrowserChoice choice) {
        return ASKED.computeIfAbsent(grid + " " + choice.label(), key -> {
            GridStatus status = GridStatus.read(grid);
            int classes = status.classesAtOnce(browsersPerClass(choice));
            System.out.println("[livecheck] Selenium Grid " + grid + ": " + status.describe() + " — " + classes + " class(es) at once");
            return classes;
        });
    }

    /** Each run asks afresh (a run the bug matrix or a self-test starts inside this JVM too): registered as a JUnit listener. */
    public static final class EachRun implements org.junit.platform.launcher.TestExecutionListener {
        @Override
        public void testPlanExecutionStarted(org.junit.platform.launcher.TestPlan plan) {
            ASKED.clear();
        }
    }

    /** A class's browsers by the W3C browser name a Grid's stereotypes use: {@code chrome → 2}, or one of each. */
    static Map<String, Integer> browsersPerClass(BrowserChoice choice) {
        Map<String, Integer> need = new TreeMap<>();
        for (String participant : PER_CLASS) {
            need.merge(w3cName(choice.of(participant)), 1, Integer::sum);
        }
        return need;
    }

    static String w3cName(BrowserChoice.Kind kind) {
        return kind == BrowserChoice.Kind.CHROMIUM ? "chrome" : "firefox";
    }
}
