package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.QualityCheck;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.CrashPoint;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 8): {@code ./imon run} runs as a separate process (the real launcher and jar) on the
 * hand-made fixture and is killed with SIGKILL at named crash points ({@link CrashPoint}: the process prints
 * {@code CRASHPOINT <name>} and waits, so every kill hits exactly its point). Reruns must end with the same
 * bronze, silver and gold content as an uninterrupted run, no duplicate keys in the gold marts, and no report
 * file under its final name that is not complete.
 *
 * <p>To keep the time down (every run starts a JVM and Spark), the kills are chained on one warehouse: the
 * run killed at the first point is rerun and killed at the second, and so on; the last rerun completes.
 * Until a run has succeeded every run rebuilds everything ({@code vollständig (erster Lauf in diesem Warehouse)}),
 * so the chain tests what a full rebuild leaves and what the next one makes of it. That hides the incremental
 * path, which is where a kill did change the result (see {@code InterruptedRunIT}): the second scenario
 * starts from a successful run, delivers a corrected file and kills the incremental runs.
 *
 * <p>Only the killed runs and the reruns after them are processes (10 + 2). The two scenarios are independent
 * and run at the same time, each its own chain of processes, started in {@link #startBothScenarios()}; the
 * tests wait for their scenario and check its end. The uninterrupted runs to compare with run in this JVM: the
 * first is the module's shared {@link FixtureRun}, the corrected one an {@code imon run} on a copy of it.
 */
class CrashSafetyIT {
    private static final Path PROJECT = FixtureRun.PROJECT;
    private static final Path FIXTURE = FixtureRun.FIXTURE;
    private static final String SEPTEMBER_FILE = "participation/teilnahmen_2026-09.csv";
    /** Smaller than the launcher's default heap: the fixture is tiny and other builds share the machine. */
    private static final String JAVA_OPTIONS = "-Xmx1g -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(20);
    private static final long HARNESS_STARTED = System.nanoTime();
    /** Reads the processes' standard error; not the common pool, whose one thread (on 2 cores) two readers would share. */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "CrashSafetyIT");
        thread.setDaemon(true);
        return thread;
    });
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    /** Killed one after another on an empty warehouse; bronze first (later runs find bronze loaded), reports late. */
    private static final List<String> CHAIN = List.of(
            "written:bronze.offers__snapshots",           // bronze: first of several bronze tables written in parallel
            "written:silver.offers__snapshots",           // silver: full rebuild, other silver tables still being written
            "written:gold.fct_offers_active_monthly",     // gold: active offers replaced, kpi_monthly not yet
            "written:gold.coverage_gaps",                 // gold: gaps replaced, districts and supply_matrix not yet
            "stage-done:gold",                            // after gold, before the data-quality checks
            "report-unpublished:pdf",                     // Monatsbericht PDF complete under its temporary name, not renamed
            "stage-done:reports",                         // between reports: Monatsbericht and Workshop-Auswertung written, gaps not
            "written:ops.run_tables");                   // run_tables appended, run_log (the run's success) not yet

    /** Killed on a warehouse with a successful run, after the September file was corrected. */
    private static final List<String> INCREMENTAL = List.of(
            "written:bronze.participation__events",       // only bronze changed: the next run is still incremental
            "written:silver.participation__events");      // silver events replaced, gold not yet

    @TempDir
    static Path temp;

    static Path input;
    static Path correctedInput;
    static Path referenceOut;
    static Path correctedReferenceOut;
    static Path reference;
    static Path correctedReference;
    static Path afterFirstRun;
    static final AtomicInteger runs = new AtomicInteger();
    /** The chain on an empty warehouse: its completing rerun, once every kill of {@link #CHAIN} was checked. */
    static CompletableFuture<Run> chain;
    /** The incremental scenario: its completing rerun, once the kills of {@link #INCREMENTAL} were checked. */
    static CompletableFuture<Run> incremental;

    /**
     * Starts both scenarios and, meanwhile, the uninterrupted runs to compare with: the fixture into an empty
     * warehouse, and on a copy of that warehouse the fixture with a corrected September file (its one event, O1
     * with 10 participants, dated 15.10.2026 instead of 15.09.2026), which runs incrementally.
     */
    @BeforeAll
    static void startBothScenarios() throws IOException {
        assertJarIsCurrent();
        input = temp.resolve("input");
        FixtureRun.copy(FIXTURE, input);
        correctedInput = temp.resolve("input-corrected");
        FixtureRun.copy(FIXTURE, correctedInput);
        Path september = correctedInput.resolve(SEPTEMBER_FILE);
        String corrected = Files.readString(september, StandardCharsets.UTF_8).replace("O1;15.09.2026;", "O1;15.10.2026;");
        assertThat(corrected).contains("O1;15.10.2026;");
        Files.writeString(september, corrected, StandardCharsets.UTF_8);

        // The chain needs no reference until its end.
        chain = CompletableFuture.supplyAsync(CrashSafetyIT::killTheChain, THREADS);

        FixtureRun first = FixtureRun.get();
        reference = first.warehouse;
        referenceOut = first.out;
        assertThat(first.output).contains("vollständig (erster Lauf in diesem Warehouse)");
        afterFirstRun = temp.resolve("after-first-run");
        FixtureRun.copy(reference, afterFirstRun);
        incremental = CompletableFuture.supplyAsync(CrashSafetyIT::killTheIncrementalRuns, THREADS);

        correctedReference = temp.resolve("reference-corrected");
        FixtureRun.copy(reference, correctedReference);
        correctedReferenceOut = temp.resolve("reference-corrected-out");
        Run second = inThisJvm(correctedInput, correctedReference, correctedReferenceOut);
        assertThat(second.out()).contains("inkrementell (1 neue oder geänderte Datei)");
    }

    @AfterAll
    static void stopLeftoversAndPrintWallTime() throws InterruptedException {
        for (Process process : LIVE) {
            killWholeProcess(process);
        }
        System.out.printf("CrashSafetyIT: %d runs of ./imon in %.0f s%n", runs.get(), (System.nanoTime() - HARNESS_STARTED) / 1e9);
    }

    @Test
    void runsKilledAtEightPointsThenARerunGiveTheContentAndReportsOfAnUninterruptedRun() throws Exception {
        Path warehouse = temp.resolve("chain");
        Path out = temp.resolve("chain-out");
        Run last = await(chain);
        // No run of the chain got as far as ops.run_log (the last one was killed just before it), so this run, like
        // every run of the chain, rebuilds silver and gold from bronze as the first run of the reference did; bronze
        // holds every file exactly once (a file's rows are replaced by file name, never appended twice).
        assertThat(last.out()).contains("13 Dateien: 0 neu oder geändert (0 Zeilen), 13 unverändert")
                .contains("vollständig (erster Lauf in diesem Warehouse)");
        assertSameContent(warehouse, reference);
        assertNoDuplicateKeys(warehouse);
        assertThat(temporaryFiles(out)).as("removed by the completed run").isEmpty();
        assertEveryReportIsComplete(out);
        assertThat(ImonEndToEndIT.reportTexts(out)).isEqualTo(ImonEndToEndIT.reportTexts(referenceOut));
        // a whole run through the launcher leaves its class-data sharing archive (or found one), current for this jar;
        // the killed runs before it left none (the launcher keeps an archive only after exit code 0)
        Path archive = PROJECT.resolve("app/target/imon.jsa");
        assertThat(archive).as("class archive after a successful ./imon run").isRegularFile();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(PROJECT.resolve("app/target/imon.jar")));
        assertThat(Files.size(archive)).isGreaterThan(100_000_000L);
        try (java.util.stream.Stream<Path> files = Files.list(archive.getParent())) {
            assertThat(files.map(Path::getFileName).map(Path::toString).filter(name -> name.endsWith(".jsa.tmp") || name.contains(".jsa.")))
                    .as("no half-written archive of a killed run").isEmpty();
        }
    }

    /** The chain: a run killed at each point of {@link #CHAIN} in turn, checked after each kill, then a run to its end. */
    private static Run killTheChain() {
        try {
            Path warehouse = temp.resolve("chain");
            Path out = temp.resolve("chain-out");
            for (String point : CHAIN) {
                kill(point, input, warehouse, out);
                assertEveryReportIsComplete(out);
                // the areas in order of their names: Bielefeld's reports come first
                if (point.equals("report-unpublished:pdf")) {
                    assertThat(out.resolve("bielefeld/monatsbericht_2026-10.pdf")).as("renamed before the kill").doesNotExist();
                    assertThat(temporaryFiles(out)).as("the PDF under its temporary name")
                            .singleElement().matches(name -> name.startsWith(".monatsbericht_2026-10.pdf.") && name.endsWith(".tmp"));
                } else if (point.equals("stage-done:reports")) {
                    // this run removed the previous run's leftover before writing its own reports, under their final names
                    assertThat(temporaryFiles(out)).isEmpty();
                    assertThat(out.resolve("bielefeld/monatsbericht_2026-10.pdf")).exists();
                    assertThat(out.resolve("kreis-recklinghausen/monatsbericht_2026-10.pdf")).exists();
                    assertThat(out.resolve("bielefeld/versorgungsluecken_2026-10.pdf")).doesNotExist();
                }
            }
            return complete(input, warehouse, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void incrementalRunsKilledAfterACorrectionThenARerunGiveTheContentOfAnUninterruptedRun() throws Exception {
        Path warehouse = temp.resolve("incremental");
        Path out = temp.resolve("incremental-out");
        Run last = await(incremental);
        // Incrementally, this run would compare silver with itself (already without the September event), find
        // September untouched and keep the event there as well as in October; it rebuilds everything instead and
        // gets what the uninterrupted incremental run computed.
        assertThat(last.out()).contains("0 neu oder geändert (0 Zeilen), 13 unverändert")
                .contains("vollständig (Tabelle silver.participation__events wurde nach dem letzten erfolgreichen Lauf geändert");
        assertSameContent(warehouse, correctedReference);
        assertNoDuplicateKeys(warehouse);
        assertThat(ImonEndToEndIT.reportTexts(out)).isEqualTo(ImonEndToEndIT.reportTexts(correctedReferenceOut));
    }

    /** The incremental scenario: on a copy of the first run's warehouse, runs killed at {@link #INCREMENTAL}, then a run to its end. */
    private static Run killTheIncrementalRuns() {
        try {
            Path warehouse = temp.resolve("incremental");
            FixtureRun.copy(afterFirstRun, warehouse);
            Path out = temp.resolve("incremental-out");
            for (String point : INCREMENTAL) {
                kill(point, correctedInput, warehouse, out);
            }
            // The run killed after bronze left silver and gold as the successful run did, so the next run stayed
            // incremental and refined the file that bronze now called unchanged: it replaced only that file's events.
            Warehouse killed = new Warehouse(SharedSparkSession.get(), warehouse.toString());
            assertThat(io.delta.tables.DeltaTable.forPath(killed.spark(), killed.location(TableCatalog.SILVER_EVENTS)).history(1)
                    .select("operationParameters.predicate").first().getString(0)).contains(SEPTEMBER_FILE);
            return complete(correctedInput, warehouse, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The scenario's result; a failed check inside it fails the test with that check's error. */
    private static Run await(CompletableFuture<Run> scenario) throws Exception {
        try {
            return scenario.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** {@code imon run} in this JVM, to its end (an uninterrupted run to compare with); it must succeed. */
    private static Run inThisJvm(Path input, Path warehouse, Path out) {
        ImonEndToEndIT.Result run = ImonEndToEndIT.imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--out", out.toString());
        System.out.printf("CrashSafetyIT: run in this JVM completed:%n%s", run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new Run(run.exitCode(), run.out(), run.err());
    }

    // ---- processes ------------------------------------------------------------------------------

    record Run(int exitCode, String out, String err) {}

    /** Runs {@code ./imon run} to its end; it must succeed. */
    private static Run complete(Path input, Path warehouse, Path out) throws IOException, InterruptedException {
        Started started = start(null, input, warehouse, out);
        CompletableFuture<String> err = collect(started.process(), null, new CompletableFuture<>());
        if (!started.process().waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            killWholeProcess(started.process());
            fail("./imon run did not finish within " + RUN_LIMIT);
        }
        LIVE.remove(started.process());
        Run run = new Run(started.process().exitValue(), Files.readString(started.stdout()), err.join());
        System.out.printf("CrashSafetyIT: run %d completed:%n%s", started.number(), run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** Starts {@code ./imon run}, waits until it reports {@code point}, and kills it there with SIGKILL. */
    private static void kill(String point, Path input, Path warehouse, Path out) throws IOException, InterruptedException {
        Started started = start(point, input, warehouse, out);
        CompletableFuture<Void> reached = new CompletableFuture<>();
        CompletableFuture<String> err = collect(started.process(), CrashPoint.MARKER + " " + point, reached);
        try {
            reached.get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            killWholeProcess(started.process());
            fail("./imon run did not reach " + point + " (" + e + "); stdout:\n" + Files.readString(started.stdout())
                    + "\nstderr:\n" + err.join());
        }
        int exit = killWholeProcess(started.process());
        assertThat(exit).as("exit code of the process killed at %s (128 + SIGKILL)", point).isEqualTo(137);
        System.out.printf("CrashSafetyIT: run %d killed at %s after:%n%s", started.number(), point, Files.readString(started.stdout()));
    }

    /** A started {@code ./imon run} (the harness's {@code number}-th) and the file receiving its standard output. */
    private record Started(int number, Process process, Path stdout) {}

    private static Started start(String point, Path input, Path warehouse, Path out) throws IOException {
        int number = runs.incrementAndGet();
        Path stdout = temp.resolve("run-" + number + ".out");
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("imon").toString(), "run",
                "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--out", out.toString())
                .directory(PROJECT.toFile())
                .redirectOutput(stdout.toFile());
        builder.environment().put("IMON_JAVA_OPTS", JAVA_OPTIONS);
        builder.environment().remove(CrashPoint.VARIABLE);
        if (point != null) {
            builder.environment().put(CrashPoint.VARIABLE, point);
        }
        Process process = builder.start();
        LIVE.add(process);
        return new Started(number, process, stdout);
    }

    /**
     * Reads the process's standard error on a thread; completes {@code reached} when the line {@code marker}
     * appears, or exceptionally when the process ends without it. Returns everything read, at the end.
     */
    private static CompletableFuture<String> collect(Process process, String marker, CompletableFuture<Void> reached) {
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder text = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    text.append(line).append('\n');
                    if (line.equals(marker)) {
                        reached.complete(null);
                    }
                }
            } catch (IOException e) {
                text.append("(reading stderr failed: ").append(e).append(")\n");
            }
            reached.completeExceptionally(new IllegalStateException("process ended without " + marker));
            return text.toString();
        }, THREADS);
    }

    /** SIGKILL to the process and anything it started ({@code ./imon} execs java, so normally there is nothing). */
    private static int killWholeProcess(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed process ended").isTrue();
        LIVE.remove(process);
        return process.exitValue();
    }

    /** The launcher rebuilds a stale jar with Maven (online); the harness needs the jar this build just packaged. */
    private static void assertJarIsCurrent() throws IOException {
        Path jar = PROJECT.resolve("app/target/imon.jar");
        assertThat(jar).as("run mvn package first").exists();
        assertThat(PROJECT.resolve("app/target/lib")).as("run mvn package first").isDirectory();
        long built = Files.getLastModifiedTime(jar).toMillis();
        List<Path> sources = new ArrayList<>(List.of(PROJECT.resolve("pom.xml")));
        for (String module : List.of("pipelines", "reports", "generator", "app")) {
            sources.add(PROJECT.resolve(module + "/pom.xml"));
        }
        for (String folder : List.of("pipelines/src/main", "reports/src/main", "generator/src/main", "app/src/main")) {
            try (Stream<Path> files = Files.walk(PROJECT.resolve(folder))) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            }
        }
        for (Path source : sources) {
            assertThat(Files.getLastModifiedTime(source).toMillis()).as("%s is newer than %s: run mvn package first", source, jar)
                    .isLessThanOrEqualTo(built);
        }
    }

    // ---- checks ---------------------------------------------------------------------------------

    /**
     * Every table (bronze without its lineage columns) has the same rows as in the uninterrupted run: per table,
     * the row count and a SHA-256 over the sorted rows; on a difference the rows only on one side are shown.
     */
    private static void assertSameContent(Path warehouse, Path expected) {
        org.apache.spark.sql.SparkSession spark = SharedSparkSession.get();
        Map<String, List<String>> actualRows = ImonEndToEndIT.dataTables(new Warehouse(spark, warehouse.toString()));
        Map<String, List<String>> expectedRows = ImonEndToEndIT.dataTables(new Warehouse(spark, expected.toString()));
        Map<String, String> actual = checksums(actualRows);
        Map<String, String> wanted = checksums(expectedRows);
        System.out.printf("CrashSafetyIT: content of %s%n", warehouse.getFileName());
        actual.forEach((table, checksum) -> System.out.printf("  %-45s %s%n", table, checksum));
        StringBuilder differences = new StringBuilder();
        expectedRows.forEach((table, rows) -> {
            List<String> got = actualRows.getOrDefault(table, List.of());
            if (!got.equals(rows)) {
                List<String> missing = new ArrayList<>(rows);
                got.forEach(missing::remove);
                List<String> extra = new ArrayList<>(got);
                rows.forEach(extra::remove);
                differences.append(table).append(": missing ").append(missing).append(", unexpected ").append(extra).append('\n');
            }
        });
        assertThat(actual).as("content checksums; differences:%n%s", differences).isEqualTo(wanted);
    }

    private static Map<String, String> checksums(Map<String, List<String>> rowsByTable) {
        Map<String, String> checksums = new TreeMap<>();
        rowsByTable.forEach((table, rows) -> {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                rows.forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
                checksums.put(table, rows.size() + " rows, sha256 " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        return checksums;
    }

    /** The unique keys the catalog declares for the gold tables (the marts of the data contract among them) hold. */
    private static void assertNoDuplicateKeys(Path warehouse) {
        Warehouse wh = new Warehouse(SharedSparkSession.get(), warehouse.toString());
        wh.registerExisting();
        int checked = 0;
        for (TableDef table : TableCatalog.all()) {
            if (table.layer() != Layer.GOLD) {
                continue;
            }
            for (QualityCheck check : table.checks()) {
                if (check.name().startsWith("unique(")) {
                    assertThat(wh.spark().sql(check.sqlFor(table)).collectAsList()).as("%s %s", table, check.name()).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
    }

    /**
     * Every file under its final name, in the output folder and its area folders, opens completely: a PDF in PDFBox
     * with its pages, an XLSX with its sheets.
     */
    private static void assertEveryReportIsComplete(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(out, 2)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pdf")) {
                    // PDFBox reads truncated files leniently; a complete PDF ends with its end-of-file marker
                    byte[] bytes = Files.readAllBytes(file);
                    String end = new String(bytes, Math.max(0, bytes.length - 32), Math.min(32, bytes.length), StandardCharsets.ISO_8859_1);
                    assertThat(end.strip()).as(name).endsWith("%%EOF");
                    try (PDDocument document = Loader.loadPDF(file.toFile())) {
                        assertThat(document.getNumberOfPages()).as(name).isPositive();
                    }
                } else if (name.endsWith(".xlsx")) {
                    assertThat(ImonEndToEndIT.reportText(file)).as(name).contains("[");
                } else {
                    fail("unexpected file in the output folder: " + name);
                }
            }
        }
    }

    /** Names of the temporary report files in {@code out} and its area folders. */
    private static List<String> temporaryFiles(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out, 2)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".tmp")).sorted().toList();
        }
    }
}
