package dev.livecheck.livekit;

import dev.livecheck.redact.Redactor;

import java.util.ArrayList;
import java.util.List;

/** The LiveKit server's log lines, redacted as they arrive; a test takes the slice since its mark. */
public final class ServerLog {
    private final List<String> lines = new ArrayList<>();

    public synchronized void append(String line) {
        lines.add(Redactor.redact(line.stripTrailing()));
    }

    public synchronized int mark() {
        return lines.size();
    }

    public synchronized String since(int mark) {
        return String.join("\n", lines.subList(Math.min(mark, lines.size()), lines.size()));
    }

    public synchronized String tail(int count) {
        return since(Math.max(0, lines.size() - count));
    }
}
