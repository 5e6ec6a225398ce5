package dev.livecheck.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Which JVMs on this machine run livecheck tests (the bug matrix runs two at once; a developer may run another): each
 * one that samples the machine leaves its PID in a shared folder, so every other can count their browsers as another
 * livecheck test's, not as some other program's. Files of JVMs that ended are removed by whoever reads them.
 */
final class LivecheckJvms {
    private static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "livecheck-jvms");

    private LivecheckJvms() {
    }

    static void registerThisJvm() {
        long pid = ProcessHandle.current().pid();
        try {
            Files.createDirectories(FOLDER);
            Path mine = FOLDER.resolve(Long.toString(pid));
            Files.writeString(mine, "");
            mine.toFile().deleteOnExit();
        } catch (IOException e) {
            // another JVM's browsers then count as another program's: stricter, never laxer
        }
    }

    /** The PIDs of livecheck JVMs alive now (this one included). */
    static Set<Long> alive() {
        Set<Long> pids = new HashSet<>();
        pids.add(ProcessHandle.current().pid());
        try (var files = Files.list(FOLDER)) {
            files.forEach(f -> {
                try {
                    long pid = Long.parseLong(f.getFileName().toString());
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        pids.add(pid);
                    } else {
                        Files.deleteIfExists(f);
                    }
                } catch (NumberFormatException | IOException ignored) {
                    // not one of ours, or removed meanwhile
                }
            });
        } catch (IOException e) {
            // no folder yet: only this JVM
        }
        return pids;
    }
}
