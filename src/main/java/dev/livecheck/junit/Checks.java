package dev.livecheck.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The checklist item(s) a test checks, by id from testdata/checklist.md. Shown in Allure; read by the release gate. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Checks {
    String[] value();
}
