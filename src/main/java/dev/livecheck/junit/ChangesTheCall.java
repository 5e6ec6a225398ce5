package dev.livecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link Scenario}'s test that changes the call and puts it back (shares a screen and stops, mutes and unmutes,
 * leaves and comes back). It runs after the tests that only observe; when it fails, the call is left in a state
 * nobody knows, so the tests after it are not run (naming it) rather than failing one after the other for its reason.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangesTheCall {
}
