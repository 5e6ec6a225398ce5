package dev.livecheck.check;

/**
 * A measured figure that fell short of what the app must reach — a deadline missed, a frame rate, a latency, a
 * resolution: the kind of failure a busy machine can cause as well as the app. The harness judges it with what it
 * measured of the machine meanwhile (dev.livecheck.machine): the app's failure on a machine that had room, else
 * inconclusive. A wrong value that no load can cause (too early, the wrong colour, a grant) is a plain assertion.
 */
public final class Shortfall extends AssertionError {
    public Shortfall(AssertionError measured) {
        super(measured.getMessage(), measured);
        setStackTrace(measured.getStackTrace());
    }

    /** Runs the assertions of a measurement; any that fails is a shortfall. */
    public static void measured(Runnable assertions) {
        try {
            assertions.run();
        } catch (Shortfall already) {
            throw already;
        } catch (AssertionError e) {
            throw new Shortfall(e);
        }
    }
}
