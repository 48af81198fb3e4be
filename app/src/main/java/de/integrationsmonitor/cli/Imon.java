package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the {@code imon} command line. */
@Command(name = "imon",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        version = "Integrationsmonitor 0.1.0",
        description = "Integrationsmonitor: Auswertungen für die Kommunalen Integrationszentren NRW.",
        exitCodeListHeading = "%nRückgabewerte:%n",
        exitCodeList = {"0:Erfolg",
                "1:Interner Fehler (bitte mit --verbose wiederholen und melden)",
                "2:Falsche Option oder falscher Wert auf der Befehlszeile",
                "3:Build fehlgeschlagen (nur ./imon)",
                "4:Einstellung in conf/ nicht verwendbar",
                "5:Lieferung nicht verwendbar (Eingabeordner, Dateien, Monate)",
                "6:Warehouse belegt, leer oder ohne den verlangten Stand",
                "7:Bericht nicht erstellbar (keine Daten für Gebiet und Monat)",
                "8:SQL-Anweisung nicht lesend oder fehlerhaft (imon sql)",
                "130:Mit Strg+C abgebrochen (143: mit SIGTERM beendet)"},
        subcommands = {RunCommand.class, SqlCommand.class, GenerateSampleCommand.class},
        usageHelpAutoWidth = true)
public final class Imon implements Runnable {
    @picocli.CommandLine.Mixin
    GermanHelp germanHelp = new GermanHelp();

    /** Exit code for failures inside the program (a bug); errors the user can fix exit with their category's code. */
    static final int INTERNAL_ERROR = 1;

    /** Exit code of a command stopped from outside by Ctrl+C: 128 + SIGINT, as shells report it (SIGTERM: 143). */
    static final int STOPPED = 130;

    /** What a command stopped from outside prints, once, from the shutdown hook. */
    static final String STOPPED_MESSAGE = "Abgebrochen: der Befehl wurde von außen beendet (Strg+C oder Signal), bevor er "
            + "fertig war. Ein abgebrochener Lauf hinterlässt nichts halb Geschriebenes; einfach erneut starten.";

    /**
     * Set by a shutdown hook when the JVM begins to stop while a command runs: Spark's own hook then stops the
     * SparkContext under the running command, whose next call fails. That failure is the stop, not a bug.
     */
    private static final java.util.concurrent.atomic.AtomicBoolean STOPPING = new java.util.concurrent.atomic.AtomicBoolean();

    /** True while {@link #main} runs a command; the shutdown hook of a normal exit finds it false. */
    private static final java.util.concurrent.atomic.AtomicBoolean RUNNING = new java.util.concurrent.atomic.AtomicBoolean();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        RUNNING.set(true);
        // The JVM ends a stopped process with the signal's code (130 for Ctrl+C, 143 for SIGTERM) once the hooks are
        // done, whatever the command is doing, so the message comes from the hook, not from the failing command.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            STOPPING.set(true);
            if (RUNNING.get()) {
                Logging.silenceUnlessVerbose();
                System.err.println(STOPPED_MESSAGE);
                System.err.flush();
            }
        }, "imon-stopped"));
        int exitCode = execute(args);
        RUNNING.set(false);
        System.exit(exitCode);
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with its output and error text going to the given writers (tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Imon());
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("Fehler: " + exception.getMessage() + " – Hilfe: ./" + cmd.getCommandSpec().qualifiedName() + " --help");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> failed(exception, cmd.getErr(), STOPPING.get()));
        return commandLine;
    }

    /**
     * What the user reads when a command fails, and its exit code: a {@link UserException} in its category's words,
     * anything else as an internal error; nothing for a command stopped from outside ({@code stopping}), whose
     * shutdown hook prints {@link #STOPPED_MESSAGE}.
     */
    static int failed(Exception exception, PrintWriter err, boolean stopping) {
        if (exception instanceof UserException user) {
            err.println("Fehler: " + user.getMessage());
            return user.category().exitCode();
        }
        if (stopping) {
            return STOPPED; // the shutdown hook says so (STOPPED_MESSAGE)
        }
        err.println("Interner Fehler: " + firstLine(exception));
        if (Boolean.getBoolean("imon.verbose")) {
            exception.printStackTrace(err);
        } else {
            err.println("Mit --verbose erneut ausführen, um Details zu sehen.");
        }
        return INTERNAL_ERROR;
    }

    private static String firstLine(Throwable exception) {
        String message = String.valueOf(exception.getMessage());
        int newline = message.indexOf('\n');
        return exception.getClass().getSimpleName() + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    /** The project root: {@code -Dimon.home} set by the launcher, else the working directory. */
    static Path home() {
        String home = System.getProperty("imon.home");
        return Path.of(home == null ? "" : home).toAbsolutePath().normalize();
    }
}
