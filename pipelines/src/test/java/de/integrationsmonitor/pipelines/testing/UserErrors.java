package de.integrationsmonitor.pipelines.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Tests assert what kind of user error a call raises (its category), not the wording of the German message. */
public final class UserErrors {
    private UserErrors() {}

    /** The category of the {@link UserException} that {@code call} throws; fails when it throws none or another one. */
    public static ErrorCategory categoryOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("a UserException").isInstanceOf(UserException.class);
        assertThat(thrown.getMessage()).as("a message for the user").isNotBlank();
        return ((UserException) thrown).category();
    }
}
