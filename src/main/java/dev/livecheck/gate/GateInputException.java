package dev.livecheck.gate;

/** The gate's inputs are unusable; the message is one line that says what to fix. */
public class GateInputException extends Exception {
    public GateInputException(String message) {
        super(message);
    }
}
