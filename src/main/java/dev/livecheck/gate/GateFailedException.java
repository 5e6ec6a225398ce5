package dev.livecheck.gate;

/**
 * Thrown by {@link ReleaseGate#main} instead of calling System.exit, so that exec:java fails the
 * Maven build with the one-line summary. No stack trace: the trace would only point at the gate.
 */
public class GateFailedException extends RuntimeException {
    private final int exitCode;

    public GateFailedException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
