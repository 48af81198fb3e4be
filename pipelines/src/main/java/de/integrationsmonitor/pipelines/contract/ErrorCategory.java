package de.integrationsmonitor.pipelines.contract;

/**
 * What kind of mistake a {@link UserException} reports, and the exit code the command line returns for it. The
 * codes are part of the command line's interface (README, "Exit codes"): scripts and schedulers branch on them.
 * 0 is success, 1 an internal error (a bug: the message says so), 2 a wrong option or argument (also picocli's
 * own code for unknown options), 3 a failed build in the launcher.
 */
public enum ErrorCategory {
    /** A command-line option or argument that cannot be used (a month that is no month, an unknown scale). */
    USAGE(2),
    /** A setting in conf/ (imon.properties, vocabularies, aliases) that cannot be used. */
    CONFIG(4),
    /** The delivery: input folder missing or unreadable, no usable offers file, no dated row, a month before it. */
    INPUT(5),
    /** The warehouse: in use by another run, empty, or without the state a time-travel request names. */
    WAREHOUSE(6),
    /** A report that cannot be made from gold: unknown report area, no row for the area and month. */
    REPORT(7),
    /** A statement given to {@code imon sql} that is not read-only or that Spark SQL rejects. */
    QUERY(8);

    private final int exitCode;

    ErrorCategory(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
