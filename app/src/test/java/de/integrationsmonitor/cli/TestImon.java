package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.generator.GenerationSummary;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
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
        assertThat(result.exitCode()).isEqualTo(ErrorCategory.USAGE.exitCode()).isEqualTo(2);
        assertIsOneGermanErrorLine(result);
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
        assertThat(result.exitCode()).isEqualTo(ErrorCategory.QUERY.exitCode()).isEqualTo(8);
        assertIsOneGermanErrorLine(result);
    }

    @Test
    void anOutputFolderInsideTheInputFolderIsRefusedWithResolvedPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path input) {
        for (String[] extra : new String[][] {{}, {"--as-of", "2026-11-22"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--input", input.toString(),
                    "--out", input.resolve("berichte/../out").toString(), "--warehouse", input.resolveSibling("wh").toString()));
            args.addAll(java.util.List.of(extra));
            Result result = imon(args.toArray(String[]::new));
            assertThat(result.exitCode()).isEqualTo(ErrorCategory.USAGE.exitCode());
            assertIsOneGermanErrorLine(result);
            // the paths are shown resolved (berichte/.. gone), so the user sees which folders collide
            assertThat(result.err()).contains(" " + input.resolve("out") + " ").contains(" " + input + ";");
        }
    }

    @Test
    void everyCategoryHasItsOwnExitCodeAboveTheReservedOnes() {
        java.util.Set<Integer> codes = new java.util.HashSet<>();
        for (ErrorCategory category : ErrorCategory.values()) {
            assertThat(codes.add(category.exitCode())).as("%s has a code of its own", category).isTrue();
            assertThat(category.exitCode()).as("%s: 0 success, 1 internal error, 3 launcher build", category)
                    .isGreaterThanOrEqualTo(2).isNotEqualTo(Imon.INTERNAL_ERROR).isNotEqualTo(3);
        }
        assertThat(imon("--help").out()).contains("Rückgabewerte:").contains("  4     Einstellung in conf/ nicht verwendbar");
    }

    @Test
    void aCommandStoppedFromOutsideIsNoInternalError() {
        // what Spark throws under a running command once its shutdown hook has stopped the SparkContext
        IllegalStateException afterStop = new IllegalStateException("Cannot call methods on a stopped SparkContext.");
        StringWriter stopped = new StringWriter();
        assertThat(Imon.failed(afterStop, new PrintWriter(stopped, true), true)).isEqualTo(Imon.STOPPED).isEqualTo(130);
        assertThat(stopped.toString()).isEmpty(); // the shutdown hook prints Imon.STOPPED_MESSAGE instead
        assertThat(Imon.STOPPED_MESSAGE).startsWith("Abgebrochen: der Befehl wurde von außen beendet (Strg+C oder Signal)");

        StringWriter bug = new StringWriter();
        assertThat(Imon.failed(afterStop, new PrintWriter(bug, true), false)).isEqualTo(Imon.INTERNAL_ERROR);
        assertThat(bug.toString()).startsWith("Interner Fehler: IllegalStateException: Cannot call methods on a stopped SparkContext.");
        assertThat(imon("--help").out()).contains("  130   Mit Strg+C abgebrochen (143: mit SIGTERM beendet)");
    }

    @Test
    void aMonthThatIsNoMonthIsAUsageError(@org.junit.jupiter.api.io.TempDir Path temp) {
        Result result = imon("run", "--input", temp.resolve("in").toString(), "--out", temp.resolve("out").toString(),
                "--warehouse", temp.resolve("wh").toString(), "--month", "2026-13");
        assertThat(result.exitCode()).isEqualTo(ErrorCategory.USAGE.exitCode());
        assertIsOneGermanErrorLine(result);
    }

    @Test
    void anUnknownSettingIsAConfigError(@org.junit.jupiter.api.io.TempDir Path conf) throws java.io.IOException {
        java.nio.file.Files.writeString(conf.resolve("imon.properties"), "gaps.min-demand=200\ngaps.minimum-demand=100\n");
        Result result = imon("sql", "--conf", conf.toString(), "--warehouse", conf.resolve("wh").toString(), "SHOW TABLES");
        assertThat(result.exitCode()).isEqualTo(ErrorCategory.CONFIG.exitCode()).isEqualTo(4);
        assertIsOneGermanErrorLine(result);
    }

    private static void assertIsOneGermanErrorLine(Result result) {
        assertThat(result.err()).startsWith("Fehler: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.err().strip().lines()).hasSize(1);
    }
}
