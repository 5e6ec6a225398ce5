package dev.livecheck.junit;

import dev.livecheck.profile.Feature;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the app must offer for this check to mean anything (a login, bookings, roles, recording). Where the
 * app's profile says it does not, the test is reported not applicable with the profile's reason, before any
 * browser starts — never passed, never silently skipped.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Needs {
    Feature[] value();
}
