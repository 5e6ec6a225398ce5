package dev.livecheck.config;

/**
 * A problem the user can fix: the message names the cause and the fix in one line. Thrown fast, before
 * anything is started (or after what was started has been stopped), so nothing is left running.
 */
public class LivecheckException extends RuntimeException {
    public LivecheckException(String message) {
        super(message);
    }

    public LivecheckException(String message, Throwable cause) {
        super(message, cause);
    }
}
