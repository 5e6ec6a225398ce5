package dev.livecheck.machine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose a process is, seen from one test: that test's own browsers, the rest of livecheck (the harness JVM, the apps
 * and LiveKit servers it started), another livecheck test's browsers (a class running at once, another JVM of the bug
 * matrix), another program on the machine, or the kernel. Decided by ancestry: a browser is a test's when its
 * {@code --user-data-dir} is one of the test's profiles; a process belongs to livecheck when it descends from a JVM
 * that registered as livecheck's ({@link LivecheckJvms}) or is a LiveKit server. A test names its browsers by their
 * profile folders (Chromium's {@code --user-data-dir}); the driver that started one is the test's too.
 */
final class Attribution {
    /** Where a share of the CPU went. */
    enum Owner {
        TEST("this test's browsers"),
        LIVECHECK("livecheck (harness, apps, LiveKit)"),
        OTHER_TESTS("other livecheck tests' browsers"),
        OTHER_PROGRAMS("other programs"),
        KERNEL("the kernel");

        final String label;

        Owner(String label) {
            this.label = label;
        }
    }

    /** Chromium started by livecheck (browser/Browsers) gets a profile folder with this prefix. */
    static final String LIVECHECK_PROFILE = "livecheck-chromium-";
    private static final long KTHREADD = 2;

    private final Map<Long, MachineSampler.Known> known;
    private final Set<Long> testRoots = new HashSet<>();
    private final Set<Long> jvms;
    private final Map<Long, Owner> memo = new HashMap<>();

    Attribution(Map<Long, MachineSampler.Known> known, Collection<String> testProfiles, Set<Long> jvms) {
        this.known = known;
        this.jvms = jvms;
        for (MachineSampler.Known k : known.values()) {
            for (String profile : testProfiles) {
                if (!profile.isBlank() && k.cmdline().contains(profile)) {
                    testRoots.add(k.pid());
                }
            }
        }
        // the driver that started a test's browser is the test's too
        List<Long> drivers = new ArrayList<>();
        for (long root : testRoots) {
            MachineSampler.Known k = known.get(root);
            MachineSampler.Known parent = k == null ? null : known.get(k.ppid());
            if (parent != null && parent.comm().contains("driver")) {
                drivers.add(parent.pid());
            }
        }
        testRoots.addAll(drivers);
    }

    Owner of(long pid) {
        Owner cached = memo.get(pid);
        if (cached != null) {
            return cached;
        }
        Owner owner = decide(pid);
        memo.put(pid, owner);
        return owner;
    }

    private Owner decide(long pid) {
        boolean browser = false;
        boolean livecheckBrowser = false; // a browser with a profile folder livecheck made
        long at = pid;
        Set<Long> seen = new HashSet<>();
        while (at > 0 && seen.add(at)) {
            if (testRoots.contains(at)) {
                return Owner.TEST;
            }
            if (at == KTHREADD) {
                return Owner.KERNEL;
            }
            MachineSampler.Known k = known.get(at);
            if (jvms.contains(at)) {
                return browser ? Owner.OTHER_TESTS : Owner.LIVECHECK;
            }
            if (k == null) {
                break;
            }
            if (k.comm().startsWith("livekit-server")) {
                return Owner.LIVECHECK;
            }
            if (isBrowser(k)) {
                browser = true;
                livecheckBrowser |= k.cmdline().contains(LIVECHECK_PROFILE);
            }
            at = k.ppid();
        }
        // a livecheck browser whose JVM is not registered (it ended, or could not write its file) is still a test's
        return livecheckBrowser ? Owner.OTHER_TESTS : Owner.OTHER_PROGRAMS;
    }

    private static boolean isBrowser(MachineSampler.Known k) {
        String comm = k.comm();
        return comm.startsWith("chrom") || comm.startsWith("firefox") || comm.startsWith("geckodriver") || comm.equals("Web Content")
                || comm.startsWith("headless_shell");
    }
}
