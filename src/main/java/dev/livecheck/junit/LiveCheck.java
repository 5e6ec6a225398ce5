package dev.livecheck.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a checklist suite. Its test methods may take, as parameters: {@link dev.livecheck.browser.Participant}
 * {@code provider} and {@code client} (fresh browsers, logged out), {@link dev.livecheck.livekit.LiveKitServer},
 * {@link dev.livecheck.app.AppUnderTest}, {@link dev.livecheck.livekit.Rooms}, and
 * {@link Participants} (for extra browsers). Everything is cleaned up after the test, even when it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({LivecheckExtension.class, TimeoutsFail.class})
public @interface LiveCheck {
}
