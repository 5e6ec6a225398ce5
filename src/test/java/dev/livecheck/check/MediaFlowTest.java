package dev.livecheck.check;

import dev.livecheck.browser.MediaProbe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as hearing a tone, on the probe's own readings (the browser side is the checklist's). */
class MediaFlowTest {
    @Test
    void aToneIsHeardWhenItStandsClearOfTheRestOfTheSpectrum() {
        assertThat(MediaFlow.heard(new MediaProbe.Tone(440, -22, -110, true, false, false), 440)).isTrue();
    }

    @Test
    void silenceAndNoiseAreNotHeardWhereverTheirLoudestBinFalls() {
        // digital silence: every bin at the floor; comfort noise: the loudest bin a few dB above the median, near the tone by chance
        assertThat(MediaFlow.heard(new MediaProbe.Tone(440, -200, -200, true, false, false), 440)).isFalse();
        assertThat(MediaFlow.heard(new MediaProbe.Tone(446, -62, -73, true, false, false), 440)).isFalse();
    }

    @Test
    void aToneTheListenerCannotHearIsNotHeard() {
        assertThat(MediaFlow.heard(new MediaProbe.Tone(440, -22, -110, false, false, true), 440)).isFalse();
        assertThat(MediaFlow.heard(new MediaProbe.Tone(660, -22, -110, true, false, false), 440)).isFalse();
    }
}
