package dev.livecheck.selftest;

import dev.livecheck.config.LivecheckException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The multi-node Grid of {@code scripts/grid-netns} for a self-test: up on start, down on close (and by a shutdown hook
 * should the test never get there), so nothing of it outlives the test.
 */
final class NamespacedGrid implements AutoCloseable {
    private static final Path SCRIPT = Path.of("scripts/grid-netns").toAbsolutePath();
    private final URI url;
    private final Thread hook = new Thread(NamespacedGrid::down, "livecheck-grid-netns-down");

    private NamespacedGrid(URI url) {
        this.url = url;
    }

    static NamespacedGrid up(int nodes, int slots) {
        down(); // a Grid a killed run left behind is not this test's
        Result up = run(List.of("up", "--nodes", Integer.toString(nodes), "--slots", Integer.toString(slots)), 120);
        String line = up.out().lines().filter(l -> l.startsWith("livecheck.grid.url=")).reduce((a, b) -> b).orElse("");
        if (up.exit() != 0 || line.isEmpty()) {
            down();
            throw new LivecheckException("scripts/grid-netns up failed (exit " + up.exit() + "): " + up.out().strip());
        }
        NamespacedGrid grid = new NamespacedGrid(URI.create(line.substring("livecheck.grid.url=".length()).trim()));
        Runtime.getRuntime().addShutdownHook(grid.hook);
        return grid;
    }

    URI url() {
        return url;
    }

    /** A command as node {@code node} sees the world (its network, its files); its exit code and output. */
    Result onNode(int node, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", Integer.toString(node)));
        args.addAll(List.of(command));
        return run(args, 30);
    }

    record Result(int exit, String out) {
    }

    private static void down() {
        run(List.of("down"), 60);
    }

    private static Result run(List<String> args, int seconds) {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "scripts/grid-netns " + String.join(" ", args) + ": no end within " + seconds + " s");
            }
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run scripts/grid-netns: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    @Override
    public void close() {
        down();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
