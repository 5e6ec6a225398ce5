package dev.livecheck.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code Participant} parameter: that browser reaches the app and LiveKit through a network path of its
 * own ({@code participant.network()}): its signalling can be stalled, its whole path cut, restored and
 * impaired, without touching LiveKit or the other browsers — the same against a local LiveKit or a deployment.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface NetworkFaults {
}
