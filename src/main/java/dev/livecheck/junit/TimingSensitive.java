package dev.livecheck.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose verdict is a measurement — real-time figures, a deadline, a timer the app must keep. It runs with no
 * other livecheck test on the machine (dev.livecheck.machine.QuietMachine: other classes wait, and so do the bug
 * matrix's other JVMs), and when it falls short while something else still took the CPU — another livecheck test's
 * browsers included — it ends inconclusive (environment), not failed. Other tests share the machine as classes run at
 * once; their shortfalls count as the environment's only when programs outside livecheck (or the hypervisor) took it.
 */
@Documented
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimingSensitive {
}
