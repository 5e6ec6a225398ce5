package dev.livecheck.browser;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One second of a page's call as its own WebRTC stats saw it (the probe samples once a second): each video layer it
 * sends, with what WebRTC says limits it ({@code cpu}, {@code bandwidth}, {@code none}), and each video it receives.
 */
public record CallSample(Instant at, List<Sent> sent, List<Received> received, long availableBitrate) {

    /** One encoded layer (a simulcast rid, or the only one). */
    public record Sent(String rid, long width, long height, long fps, String limitation) {
        @Override
        public String toString() {
            return (rid.isEmpty() ? "" : rid + " ") + width + "x" + height + "@" + fps;
        }
    }

    /** One received video stream. */
    public record Received(long width, long height, long fps, long dropped, long decoded, long freezes) {
        @Override
        public String toString() {
            return width + "x" + height + "@" + fps + (dropped > 0 ? ", " + dropped + " dropped" : "") + (freezes > 0 ? ", " + freezes + " freezes" : "");
        }
    }

    /** What limits the encoder now: the first reason other than none among the layers, else "none". */
    public String limitation() {
        return sent.stream().map(Sent::limitation).filter(l -> !l.equals("none")).findFirst().orElse("none");
    }

    /** The largest layer being sent, e.g. {@code 640x480@20}; "nothing" when no video goes out. */
    public String sending() {
        return sent.stream().filter(s -> s.width() > 0).max(java.util.Comparator.comparingLong(Sent::height)).map(s -> s.width() + "x" + s.height() + "@" + s.fps())
                .orElse("nothing");
    }

    public String receiving() {
        return received.isEmpty() ? "nothing" : received.stream().map(Received::toString).collect(Collectors.joining(", "));
    }

    static CallSample of(Map<?, ?> m) {
        List<Sent> sent = maps(m.get("out")).stream()
                .map(o -> new Sent(String.valueOf(o.get("rid")), n(o, "w"), n(o, "h"), n(o, "fps"), String.valueOf(o.get("lim")))).toList();
        List<Received> received = maps(m.get("in")).stream()
                .map(i -> new Received(n(i, "w"), n(i, "h"), n(i, "fps"), n(i, "dropped"), n(i, "decoded"), n(i, "freezes"))).toList();
        return new CallSample(Instant.ofEpochMilli(n(m, "t")), sent, received, n(m, "bwe"));
    }

    private static List<Map<?, ?>> maps(Object list) {
        return list instanceof List<?> l ? l.stream().filter(Map.class::isInstance).<Map<?, ?>>map(o -> (Map<?, ?>) o).toList() : List.of();
    }

    private static long n(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number number ? number.longValue() : 0;
    }
}
