package dev.livecheck.gate;

import dev.livecheck.redact.Redactor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate's lines for what holds the release back: one per item, except that the items a scenario did not run
 * because its shared call broke (skipped, "not run: the call broke in …") share one line that names the cause once —
 * the test where it broke carries the failure itself.
 */
final class BlockingLines {
    private static final String NOT_RUN = "not run: ";

    private BlockingLines() {
    }

    static List<String> of(List<ItemVerdict> blocking) {
        List<String> lines = new ArrayList<>();
        Map<String, List<ItemVerdict>> notRun = new LinkedHashMap<>();
        for (ItemVerdict item : blocking) {
            String message = item.status() == ItemStatus.SKIPPED ? item.message() : "";
            if (message.startsWith(NOT_RUN)) {
                notRun.computeIfAbsent(message.substring(NOT_RUN.length()), k -> new ArrayList<>()).add(item);
            } else {
                lines.add(item.blockingLine());
            }
        }
        notRun.forEach((cause, items) -> lines.add(Redactor.redact(String.join(", ", items.stream().map(i -> i.item().id()).toList())
                + ": not run (" + items.size() + " item" + (items.size() == 1 ? "" : "s") + ") — " + cause)));
        return lines;
    }
}
