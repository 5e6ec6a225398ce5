package dev.livecheck.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test needs the reference app with settings of its own (a short connection timeout, to be quick): a
 * dedicated instance is started for it. Values of 0 keep the run's default. With {@code livecheck.realTimeouts=true}
 * (the nightly run) the app's own settings are kept. Against another app the test is skipped with the reason,
 * unless it can run with that app's own settings ({@link #orExternalApp()}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WithReferenceApp {
    long connectTimeoutMs() default 0;

    /** Run against an external app as it is configured, instead of skipping. */
    boolean orExternalApp() default false;
}
