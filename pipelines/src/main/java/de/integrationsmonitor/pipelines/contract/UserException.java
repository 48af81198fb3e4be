package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

/**
 * An error the user can cause and fix (bad file, wrong option, wrong config). Its message is German, one line,
 * and says what to do; its {@link ErrorCategory} says what kind of mistake it is and gives the exit code. The
 * command line prints the message without a stack trace. Tests assert the category, not the wording.
 */
public class UserException extends RuntimeException {
    private final ErrorCategory category;

    public UserException(ErrorCategory category, String message) {
        super(message);
        this.category = requireNonNull(category, "category is null");
    }

    public UserException(ErrorCategory category, String message, Throwable cause) {
        super(message, cause);
        this.category = requireNonNull(category, "category is null");
    }

    public ErrorCategory category() {
        return category;
    }
}
