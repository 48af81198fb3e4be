package de.integrationsmonitor.pipelines.warehouse;

/**
 * Named points in a run where a crash-safety test can kill the process (issue 8). With the environment
 * variable {@value #VARIABLE} set to a point's name, the first thread that reaches that point prints
 * {@code CRASHPOINT <name>} to standard error and then waits forever, so a test harness can kill the
 * process with SIGKILL exactly there instead of guessing with sleeps. Without the variable (every real
 * run) a point costs one comparison with null.
 *
 * <p>The points:
 * <ul>
 * <li>{@code written:<layer>.<table>}: right after a Delta commit to that table (the first one in the run);</li>
 * <li>{@code stage-done:gold}: gold is complete, the data-quality checks have not started;</li>
 * <li>{@code stage-done:reports}: Monatsbericht and Workshop-Auswertung are written, the Versorgungslücken
 *     reports are not;</li>
 * <li>{@code report-unpublished:pdf}, {@code report-unpublished:xlsx}: a report file is complete under its
 *     temporary name and not yet renamed to its final name.</li>
 * </ul>
 */
public final class CrashPoint {
    /** The environment variable naming the point to stop at. */
    public static final String VARIABLE = "IMON_CRASH_AT";
    /** The line printed to standard error when the point is reached (followed by a space and the name). */
    public static final String MARKER = "CRASHPOINT";

    private static final String TARGET = target(System.getenv(VARIABLE));

    private CrashPoint() {}

    /** Stops this thread for good when {@code name} is the point the environment names; else returns at once. */
    public static void reached(String name) {
        if (TARGET != null && TARGET.equals(name)) {
            halt(name);
        }
    }

    private static String target(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void halt(String name) {
        System.err.println(MARKER + " " + name);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // keep waiting: only the harness's SIGKILL ends this process
            }
        }
    }
}
