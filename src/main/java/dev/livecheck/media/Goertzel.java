package dev.livecheck.media;

/** How much of a signal's energy lies at one frequency (the Goertzel filter): tells whose tone a recording carries. */
public final class Goertzel {
    private Goertzel() {
    }

    /** Share (0..1) of the samples' energy at {@code hz}, measured over blocks of 1/10 s and averaged. */
    public static double share(short[] samples, int sampleRate, int hz) {
        int block = sampleRate / 10;
        double at = 0;
        double total = 0;
        for (int start = 0; start + block <= samples.length; start += block) {
            double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
            double s1 = 0;
            double s2 = 0;
            double energy = 0;
            for (int i = start; i < start + block; i++) {
                double x = samples[i] / 32768.0;
                double s0 = x + coefficient * s1 - s2;
                s2 = s1;
                s1 = s0;
                energy += x * x;
            }
            // |X(hz)|^2 scaled so a pure full-block sine at hz gives its whole energy: 2/N * power
            at += (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * 2 / block;
            total += energy;
        }
        return total == 0 ? 0 : Math.min(1, at / total);
    }
}
