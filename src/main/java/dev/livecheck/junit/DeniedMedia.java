package dev.livecheck.junit;

import dev.livecheck.browser.BrowserOptions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** On a {@code Participant} parameter: that browser refuses the camera, the microphone or both (getUserMedia → NotAllowedError). */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DeniedMedia {
    BrowserOptions.Denied value() default BrowserOptions.Denied.BOTH;
}
