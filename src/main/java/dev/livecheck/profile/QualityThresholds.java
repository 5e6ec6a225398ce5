package dev.livecheck.profile;

/**
 * What counts as real-time for an app (C-10), from its profile's {@code quality.*}: one-way latency at p95, frames
 * per second, the longest freeze, and how far audio may lead or lag the picture.
 */
public record QualityThresholds(long maxLatencyP95Ms, double minFps, long minHeight, long maxFreezeMs, long maxAudioLeadMs, long maxAudioLagMs) {
    /**
     * Latency ≤ 400 ms at p95, ≥ 12 fps (livekit-client encodes a 480p camera at 20 fps by default, and headless
     * Chromium on 2 cores displays 16–18 of them: 12 leaves room for a busy machine and still fails a choppy picture), a picture at least 240 lines high, no freeze over 500 ms, audio at most 45 ms early
     * or 125 ms late (ITU-R BT.1359).
     */
    public static final QualityThresholds DEFAULTS = new QualityThresholds(400, 12, 240, 500, 45, 125);
}
