package dev.livecheck.evidence;

import dev.livecheck.browser.CallSample;
import io.qameta.allure.Allure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One page's call over time from its own once-a-second WebRTC stats: what it sent (the largest layer, and what WebRTC
 * says limits the encoder) and what it received. As an attachment for every test with a call, and as timeline events
 * where the sending size or its limit, or the received size, changed.
 */
public final class CallEvidence {
    private CallEvidence() {
    }

    /** The samples of the test's span, as a table; nothing when the page had no call. */
    public static void attach(String who, List<CallSample> samples, Instant from) {
        List<CallSample> mine = since(samples, from);
        if (mine.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(who + ": the call once a second, from the page's own WebRTC stats (time since the test started)\n"
                + "   time  sends (largest layer)  encoder limited by  layers                          receives\n");
        for (CallSample s : mine) {
            text.append(String.format(Locale.ROOT, "%+6.1fs  %-21s  %-18s  %-30s  %s%n", seconds(from, s.at()), s.sending(), s.limitation(),
                    s.sent().stream().map(CallSample.Sent::toString).reduce((a, b) -> a + " " + b).orElse("-"), s.receiving()));
        }
        Allure.addAttachment(who + " — the call over time", "text/plain", text.toString());
    }

    /** Timeline events: what was sent, what limited it, and what was received — each time one of them changed. */
    public static List<Timeline.Event> events(String who, List<CallSample> samples, Instant from) {
        List<Timeline.Event> events = new ArrayList<>();
        String sent = null;
        String limit = null;
        String received = null;
        for (CallSample s : since(samples, from)) {
            String size = s.sending().replaceFirst("@\\d+$", "");
            if (!Objects.equals(size, sent) || !Objects.equals(s.limitation(), limit)) {
                events.add(new Timeline.Event(s.at(), who, "webrtc", "sends " + s.sending() + (s.limitation().equals("none") ? "" : ", limited by " + s.limitation())));
                sent = size;
                limit = s.limitation();
            }
            String got = s.received().stream().map(r -> r.width() + "x" + r.height()).reduce((a, b) -> a + ", " + b).orElse("nothing");
            if (!got.equals(received)) {
                events.add(new Timeline.Event(s.at(), who, "webrtc", "receives " + s.receiving()));
                received = got;
            }
        }
        return events;
    }

    /** e.g. "provider's camera encoder was limited by cpu for 12 of 30 s"; empty when it never was. */
    public static String encoderLimits(String who, List<CallSample> samples, Instant from) {
        List<CallSample> mine = since(samples, from);
        List<String> parts = new ArrayList<>();
        for (String reason : List.of("cpu", "bandwidth")) {
            long limited = mine.stream().filter(s -> s.limitation().equals(reason)).count();
            if (limited > 0) {
                parts.add(String.format(Locale.ROOT, "%s's video encoder was limited by %s for %d of %d s", who, reason, limited, mine.size()));
            }
        }
        return String.join("; ", parts);
    }

    private static List<CallSample> since(List<CallSample> samples, Instant from) {
        return samples.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    private static double seconds(Instant from, Instant at) {
        return Duration.between(from, at).toMillis() / 1000.0;
    }
}
