package de.integrationsmonitor.pipelines.contract;

/**
 * An error the user can cause and fix (bad file, wrong option, wrong config). Its message is German,
 * one line, and says what to do; the command line prints it without a stack trace.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
