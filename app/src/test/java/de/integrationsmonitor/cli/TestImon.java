package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.generator.GenerationSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Command-line behaviour that needs no Spark: help, usage errors, read-only SQL. */
class TestImon {
    private record Result(int exitCode, String out, String err) {}

    private static Result imon(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Imon.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void helpIsGermanAndListsTheCommands() {
        Result help = imon("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Aufruf: imon").contains("Befehle:").contains("run").contains("sql")
                .contains("generate-sample").contains("Diese Hilfe anzeigen und beenden.");
        assertThat(imon("run", "--help").out()).contains("--month=JJJJ-MM").contains("--warehouse=ORDNER");
    }

    @Test
    void generateSampleNamesAnUnknownScaleInGerman() {
        Result result = imon("generate-sample", "--scale", "XL", "--out", "/nonexistent/never-written");
        assertThat(result.exitCode()).isEqualTo(Imon.USER_ERROR);
        assertThat(result.err().strip())
                .isEqualTo("Fehler: Unbekannter Umfang „XL“: erlaubt sind S (Beispieldaten), M (ganz NRW) und L (Deutschland).");
    }

    @Test
    void generateSampleReportsRowsFilesAndWallTimeInGerman() {
        GenerationSummary summary = new GenerationSummary(Path.of("/tmp/nrw"), "M", 7, 8, 3, 25, 1_234_567, 98_765_432,
                Duration.ofMillis(12_345));
        assertThat(GenerateSampleCommand.message(summary)).isEqualTo("Teil 3 von 8 der Testdaten (Umfang M, Startwert 7) geschrieben "
                + "nach /tmp/nrw: 1.234.567 Zeilen in 25 Dateien (98,8 MB), Laufzeit 12,3 s (100.005 Zeilen/s).");
    }

    @Test
    void unknownOptionGivesOneLineAndExitCode2() {
        Result result = imon("run", "--frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("Fehler: Unknown option: '--frobnicate' – Hilfe: ./imon run --help");
    }

    @Test
    void sqlRefusesWritesBeforeTouchingTheWarehouse() {
        Result result = imon("sql", "--warehouse", "/nonexistent", "WITH x AS (SELECT 1) INSERT INTO gold.kpi_monthly SELECT * FROM x");
        assertThat(result.exitCode()).isEqualTo(Imon.USER_ERROR);
        assertThat(result.err().strip()).isEqualTo("Fehler: Anweisung 1 ist nicht lesend (WITH). Erlaubt sind SELECT, WITH, "
                + "SHOW und DESCRIBE; zum Schreiben --allow-write angeben.");
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsRefusedWithResolvedPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path input) {
        for (String[] extra : new String[][] {{}, {"--as-of", "2026-11-22"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--input", input.toString(),
                    "--out", input.resolve("berichte/../out").toString(), "--warehouse", input.resolveSibling("wh").toString()));
            args.addAll(java.util.List.of(extra));
            Result result = imon(args.toArray(String[]::new));
            assertThat(result.exitCode()).isEqualTo(Imon.USER_ERROR);
            assertThat(result.err().strip()).isEqualTo("Fehler: Der Ausgabeordner " + input.resolve("out") + " liegt im Eingabeordner "
                    + input + "; bitte einen anderen Ausgabeordner wählen.");
        }
    }
}
