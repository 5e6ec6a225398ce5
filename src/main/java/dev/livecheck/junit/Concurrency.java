package dev.livecheck.junit;

import dev.livecheck.browser.BrowserChoice;
import dev.livecheck.config.LivecheckException;
import dev.livecheck.grid.GridCapacity;
import dev.livecheck.config.Settings;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ForkJoinPool;

/**
 * How many checklist classes run at once ({@code livecheck.concurrency}, "auto" or a number), each with an
 * environment of its own — its own LiveKit, app and browsers, so its own rooms and bookings. A class runs its
 * tests one after the other, with two or three browsers each, so N classes are at most about 2N browsers.
 * <p>
 * One at a time wherever environments can't be kept apart: an app livecheck did not start (one deployment,
 * one live booking), a LiveKit it shares (external, or reused by the bug matrix) where one test's room
 * clean-up would end another's call, or one fixed LiveKit port; and with Egress, proven one at a time.
 * <p>
 * Used as JUnit's parallel configuration strategy: JUnit's own fixed strategy lets its fork-join pool add
 * threads while tests block, which ran more classes at once than asked (measured); here the pool can't grow.
 */
public final class Concurrency implements ParallelExecutionConfigurationStrategy {
    public static final String PROPERTY = "livecheck.concurrency";
    /** JUnit's settings for it, as the pom gives them to failsafe: classes concurrent, a class's tests in turn. */
    public static final java.util.Map<String, String> JUNIT_PARAMETERS = java.util.Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "custom",
            "junit.jupiter.execution.parallel.config.custom.class", Concurrency.class.getName());
    /** Measured on 2 cores / 24 GiB: two classes at once held every verdict; unbounded, D-04 and S-01 failed (README). */
    private static final int CLASSES_PER_CORE = 1;
    private static final long MEMORY_PER_CLASS = 3L << 30;
    /** A class's LiveKit and app alone, its browsers being on the Grid's nodes. */
    private static final long MEMORY_PER_CLASS_ON_A_GRID = 1L << 30;

    /** The number of classes at once these settings allow, and why when it is one. */
    public record Decision(int classes, Optional<String> why) {
    }

    public static Decision decide(Settings settings) {
        String value = settings.getOr(PROPERTY, "auto");
        Optional<String> grid = settings.get("livecheck.grid.url");
        int wanted = value.equals("auto") ? grid.map(url -> onTheGrid(url, settings)).orElseGet(Concurrency::auto) : parse(value);
        if (wanted <= 1) {
            return new Decision(1, Optional.empty());
        }
        if (settings.get("livecheck.app.url").isPresent()) {
            return new Decision(1, Optional.of("the app under test is a deployment livecheck did not start (livecheck.app.url): "
                    + "its one live booking can hold one test at a time"));
        }
        if (settings.getOr("livecheck.livekit.mode", "auto").equalsIgnoreCase("external")) {
            return new Decision(1, Optional.of("LiveKit is external: tests would share its rooms"));
        }
        if (settings.getInt("livecheck.livekit.port", 0) != 0) {
            return new Decision(1, Optional.of("livecheck.livekit.port fixes one port, and each class would start a LiveKit on it"));
        }
        if (settings.getBoolean("livecheck.egress", false)) {
            return new Decision(1, Optional.of("LiveKit Egress (a Chrome and an encoder per recording) is proven one class at a time"));
        }
        if (settings.getBoolean("livecheck.livekit.reuse", false)) {
            return new Decision(1, Optional.of("LiveKit is shared by every run of this JVM (livecheck.livekit.reuse)"));
        }
        return new Decision(wanted, Optional.empty());
    }

    /**
     * On a Grid the browsers are the Grid's: as many classes as its free slots carry, as far as this machine's memory
     * carries each class's LiveKit and app. A Grid that can't take the run gives one class, and each test says why.
     */
    private static int onTheGrid(String url, Settings settings) {
        try {
            int classes = GridCapacity.classesAtOnce(java.net.URI.create(url), BrowserChoice.parse(settings.getOr("livecheck.browsers", "chromium")));
            return (int) Math.max(1, Math.min(classes, totalMemory() / MEMORY_PER_CLASS_ON_A_GRID));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    /** Classes at once for this machine: one per core, as far as memory carries two browsers, an app and a LiveKit each. */
    static int auto() {
        int cores = Runtime.getRuntime().availableProcessors();
        long memory = totalMemory();
        return Math.max(1, (int) Math.min((long) cores * CLASSES_PER_CORE, memory / MEMORY_PER_CLASS));
    }

    private static long totalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return MEMORY_PER_CLASS;
    }

    private static int parse(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new LivecheckException(PROPERTY + "=" + value + ": give auto or a number of classes at once, e.g. -D" + PROPERTY + "=1 for one after the other");
    }

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        Decision decision = decide(Settings.fromSystem());
        decision.why().ifPresent(why -> System.out.println("[livecheck] one checklist class at a time: " + why));
        return new Fixed(decision.classes());
    }

    /** Exactly n threads: the pool saturates instead of adding a thread when a test blocks. */
    private record Fixed(int parallelism) implements ParallelExecutionConfiguration {
        @Override
        public int getParallelism() {
            return parallelism;
        }

        @Override
        public int getMinimumRunnable() {
            return 0;
        }

        @Override
        public int getMaxPoolSize() {
            return parallelism;
        }

        @Override
        public int getCorePoolSize() {
            return parallelism;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        @Override
        public Predicate<? super ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }
}
