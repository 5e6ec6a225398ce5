package dev.livecheck.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code Participant} parameter: that browser's camera and microphone carry a clock — the capture time drawn
 * into every frame, a beep on every whole second — so the other page can measure latency, frame rate, freezes and
 * A/V sync of what it shows and plays ({@link dev.livecheck.check.Quality}). The role's colour and tone stay.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Measured {
}
