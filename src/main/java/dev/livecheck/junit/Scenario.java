package dev.livecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class's tests are checked in turn (in their {@code @Order}) on one call between the provider and the client,
 * as a person running the checklist by hand would: the call ({@link Call}) is set up step by step as the tests need
 * it — signed in, bookings open, the provider in the room, waiting, the client in, each seeing the other — and kept
 * until the class ends. Each test keeps its own result, evidence and timeline. A step that fails fails the test that
 * needed it; a call that breaks during a test fails that test; the tests after it are not run, naming that test.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Scenario {
    /** What the call is, for the report (e.g. "one healthy call"). */
    String value();
}
