package dev.livecheck.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GoertzelTest {
    private static final int RATE = 16_000;

    private static short[] tones(double seconds, int... hz) {
        short[] samples = new short[(int) (RATE * seconds)];
        for (int i = 0; i < samples.length; i++) {
            double v = 0;
            for (int f : hz) {
                v += Math.sin(2 * Math.PI * f * i / RATE) / hz.length;
            }
            samples[i] = (short) Math.round(v * 0.5 * Short.MAX_VALUE);
        }
        return samples;
    }

    @Test
    void aPureToneHoldsAllItsEnergyAtItsFrequency() {
        short[] tone = tones(1, 440);
        assertThat(Goertzel.share(tone, RATE, 440)).isCloseTo(1.0, within(0.05));
        assertThat(Goertzel.share(tone, RATE, 660)).isLessThan(0.01);
    }

    @Test
    void twoTonesMixedShareTheEnergy() {
        short[] mix = tones(1, 440, 660);
        assertThat(Goertzel.share(mix, RATE, 440)).isCloseTo(0.5, within(0.05));
        assertThat(Goertzel.share(mix, RATE, 660)).isCloseTo(0.5, within(0.05));
    }

    @Test
    void silenceHasNoTone() {
        assertThat(Goertzel.share(new short[RATE], RATE, 440)).isZero();
    }
}
