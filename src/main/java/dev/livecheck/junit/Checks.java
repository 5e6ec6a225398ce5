package dev.livecheck.junit;

import io.qameta.allure.LabelAnnotation;
import io.qameta.allure.LinkAnnotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The checklist item(s) a test checks, by id from testdata/checklist.md. Shown in Allure; read by the release gate. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@LabelAnnotation(name = "checklist")
@LinkAnnotation(type = "checklist")
public @interface Checks {
    String[] value();
}
