package dev.livecheck.grid;

import dev.livecheck.browser.BrowserChoice;
import dev.livecheck.config.LivecheckException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many checklist classes a Selenium Grid carries at once, asked once per run and Grid, before any browser of the run
 * holds a slot: asked again mid-run, the Grid would count the run's own sessions (or ones it has not released yet) as
 * someone else's and call itself full. A Grid that can't take the run gives the same one line to every class.
 */
public final class GridCapacity {
    /** The participants of a checklist class's call, each with a browser of its own. */
    private static final List<String> PER_CLASS = List.of("provider", "client");
    private static final Map<String, Object> ASKED = new ConcurrentHashMap<>();

    private GridCapacity() {
    }

    public static int classesAtOnce(URI grid, BrowserChoice choice) {
        Object answer = ASKED.computeIfAbsent(grid + " " + choice.label(), key -> {
            URI url = grid;
            try {
                GridStatus status = GridStatus.read(url);
                int classes = status.classesAtOnce(browsersPerClass(choice));
                System.out.println("[livecheck] Selenium Grid " + url + ": " + status.describe() + " — " + classes + " class(es) at once");
                return classes;
            } catch (LivecheckException e) {
                return e;
            }
        });
        if (answer instanceof LivecheckException refused) {
            throw new LivecheckException(refused.getMessage(), refused);
        }
        return (Integer) answer;
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
