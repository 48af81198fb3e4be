package de.integrationsmonitor.bench;

import de.integrationsmonitor.generator.SampleDataGenerator;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code imon bench}: in one invocation generates input data of a scale, runs {@code imon run} on it
 * as a separate process (time per stage, rows per second, peak heap, peak RSS), runs an incremental
 * monthly run (the last month's participation file and offers snapshot delivered on top of a full run
 * of the months before), computes the three published marts with DuckDB from the same CSV files, and
 * checks that both give the same numbers. Appends the results to BENCHMARKS.md.
 */
@Command(name = "imon bench",
        synopsisHeading = "Aufruf: ", optionListHeading = "%nOptionen:%n",
        description = "Misst Erzeugung, vollen Lauf je Stufe, einen inkrementellen Monatslauf und die Berichtserstellung, "
                + "berechnet die drei veröffentlichten Marts zum Vergleich mit DuckDB aus denselben CSV-Dateien, prüft, "
                + "dass beide dieselben Zahlen liefern, und hängt das Ergebnis an BENCHMARKS.md an.",
        footer = {"", "Beispiel:", "  ./imon bench --scale S"})
public final class Bench implements Callable<Integer> {
    /** The stages of {@code imon run} that produce the marts (gold is written at the end of Gold). */
    static final List<String> MART_STAGES = List.of("Bronze", "Planung", "Silber", "Gold");
    /** The stages that render reports. */
    static final List<String> REPORT_STAGES = List.of("Berichtsdaten", "Berichte", "Lücken", "Land", "Evaluation");
    /** The DuckDB baseline's profile in the work folder: time per statement, query trees of the slowest. */
    static final String DUCKDB_PROFILE = "duckdb-profile.txt";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Zeigt diese Hilfe.")
    boolean help;

    @Option(names = "--scale", required = true, paramLabel = "S|M", description = "Datenmenge: S (Beispieldaten) oder M.")
    String scale;

    @Option(names = "--work", paramLabel = "ORDNER",
            description = "Arbeitsordner für Eingabe, Warehouses und Berichte (Standard: target/bench-<Skala> im Projekt).")
    Path work;

    @Option(names = "--seed", paramLabel = "ZAHL", defaultValue = "20261122",
            description = "Startwert des Datengenerators (Standard: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--results", paramLabel = "DATEI",
            description = "Markdown-Datei, an die das Ergebnis angehängt wird (Standard: BENCHMARKS.md im Projekt).")
    Path results;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Bench());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("Fehler: " + exception.getMessage());
            if (!(exception instanceof UserException)) {
                exception.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        String scaleName = scale.strip().toUpperCase(Locale.ROOT);
        if (!List.of("S", "M").contains(scaleName)) {
            throw new UserException(ErrorCategory.USAGE, "--scale erwartet S oder M, nicht '" + scale + "'.");
        }
        Path home = home();
        Path workDir = (work == null ? home.resolve("target").resolve("bench-" + scaleName) : work).toAbsolutePath().normalize();
        Path resultsFile = results == null ? home.resolve("BENCHMARKS.md") : results.toAbsolutePath();
        Path imonJar = home.resolve("app/target/imon.jar");
        if (!Files.isRegularFile(imonJar)) {
            throw new UserException(ErrorCategory.USAGE, imonJar + " fehlt; bitte zuerst bauen (./imon baut es bei Bedarf).");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Instant startedAt = Instant.now();
        String machine = MachineFacts.describe();
        ImonConfig config = ImonConfig.load(home, home.resolve("conf"));
        List<String> jvmOptions = runJvmOptions();
        RunProcess runs = new RunProcess(jvmOptions, imonJar, home);

        Path input = workDir.resolve("input");
        Path incremental = workDir.resolve("incremental");
        for (Path owned : List.of(input, incremental)) {
            deleteRecursively(owned);
        }
        out.println("Arbeitsordner: " + workDir);

        long generationStarted = System.nanoTime();
        generate(input, seed, scaleName);
        double generationSeconds = seconds(generationStarted);
        InputSummary summary = InputSummary.of(input);
        out.printf(Locale.GERMANY, "[1] Erzeugen     %6.1f s  Skala %s, Startwert %d: %d Dateien, %,d Zeilen, %,.1f MB%n",
                generationSeconds, scaleName, seed, summary.files(), summary.rows(), summary.bytes() / 1e6);

        // One warehouse for both measured runs (a Land-sized full run takes minutes): the full run reads every
        // month but the last, then the last month's participation file and offers snapshot are delivered and
        // the monthly run adds them incrementally. DuckDB computes the marts for both inputs.
        Incremental delivery = Incremental.prepare(input, incremental.resolve("input"));
        out.println("[2] Voller Lauf (imon run in eigenem Prozess) ohne " + String.join(" und ", delivery.heldBack()));
        List<String> incrementalArguments = List.of("--input", delivery.input().toString(), "--warehouse",
                incremental.resolve("warehouse").toString(), "--out", incremental.resolve("out").toString());
        RunProcess.Measurement fullRun = runs.run(incrementalArguments, incremental.resolve("logs-full"), out);
        out.printf(Locale.GERMANY, "    Gesamt %.1f s, Heap-Spitze %,d MB (nach GC höchstens %,d MB belegt), RSS-Spitze %,d MB%n",
                fullRun.wallSeconds(), fullRun.peakHeapMb(), fullRun.peakLiveHeapMb(), fullRun.peakRssMb());
        RunProcess.Measurement before = fullRun;
        ReportFiles reportFiles = ReportFiles.of(incremental.resolve("out"));
        out.printf(Locale.GERMANY, "    %d Berichtsdateien für %d Gebiete%n", reportFiles.files(), reportFiles.areas());

        String duckDbVersion = warmUpDuckDb();
        LocalDate deliveredOn = LocalDate.now(ZoneOffset.UTC);
        DuckDbBaseline baseline = DuckDbBaseline.of(config, deliveredOn);
        // profiled: each statement keeps its query tree for the profile file
        DuckDbBaseline.Result duck = baseline.profiled().run(delivery.input(), Optional.empty());
        out.printf(Locale.GERMANY, "[3] DuckDB       %6.2f s  laden %.2f s, rechnen %.2f s, %,d Zeilen, Berichtsmonat %s%n",
                duck.total().toNanos() / 1e9, duck.load().toNanos() / 1e9, duck.compute().toNanos() / 1e9, duck.inputRows(),
                duck.reportMonth());
        Path duckProfile = workDir.resolve(DUCKDB_PROFILE);
        Files.writeString(duckProfile, duck.profileText(3), StandardCharsets.UTF_8);
        out.println("    schwerste Anweisungen: " + duck.heaviestSummary(3) + " (Profil: " + duckProfile + ")");
        List<MartComparison.Outcome> fullOutcomes;
        SparkSession spark = SparkSessions.getOrCreate(config.withWarehousePath(incremental.resolve("warehouse").toString()));
        try {
            fullOutcomes = compare(GoldMarts.read(new Warehouse(spark, incremental.resolve("warehouse").toString())), duck);
        } finally {
            spark.stop();
        }

        delivery.deliver();
        out.println("[4] Monatslauf: " + String.join(" und ", delivery.heldBack()) + " nachgeliefert, run --month " + delivery.month());
        List<String> monthArguments = new ArrayList<>(incrementalArguments);
        monthArguments.addAll(List.of("--month", delivery.month().toString()));
        RunProcess.Measurement monthly = runs.run(monthArguments, incremental.resolve("logs-month"), out);
        out.printf(Locale.GERMANY, "    Monatslauf %.1f s, Heap-Spitze %,d MB (nach GC höchstens %,d MB belegt), RSS-Spitze %,d MB%n",
                monthly.wallSeconds(), monthly.peakHeapMb(), monthly.peakLiveHeapMb(), monthly.peakRssMb());
        DuckDbBaseline.Result duckMonthly = baseline.run(delivery.input(), Optional.of(delivery.month()));
        out.printf(Locale.GERMANY, "    DuckDB mit allen Monaten %.2f s%n", duckMonthly.total().toNanos() / 1e9);

        out.println("[5] Vergleich mit DuckDB (" + MartComparison.toleranceNote() + ")");
        List<MartComparison.Outcome> monthlyOutcomes;
        spark = SparkSessions.getOrCreate(config.withWarehousePath(incremental.resolve("warehouse").toString()));
        try {
            monthlyOutcomes = compare(GoldMarts.read(new Warehouse(spark, incremental.resolve("warehouse").toString())), duckMonthly);
        } finally {
            spark.stop();
        }
        out.println("    voller Lauf:");
        fullOutcomes.forEach(o -> o.describe().forEach(line -> out.println("      " + line)));
        out.println("    Monatslauf:");
        monthlyOutcomes.forEach(o -> o.describe().forEach(line -> out.println("      " + line)));

        BenchReport report = new BenchReport(startedAt, machine, scaleName, seed, commandLine(), workDir, home, jvmOptions, summary,
                generationSeconds, fullRun, reportFiles, delivery, before, monthly, duckDbVersion, duck, duckMonthly, fullOutcomes, monthlyOutcomes);
        report.appendTo(resultsFile);
        out.println("Ergebnis angehängt an " + resultsFile);
        boolean equal = Stream.concat(fullOutcomes.stream(), monthlyOutcomes.stream()).allMatch(MartComparison.Outcome::isEqual);
        if (!equal) {
            out.println("Fehler: Unsere Marts und die von DuckDB weichen ab (siehe oben).");
            return 2;
        }
        return 0;
    }

    /** Writes the input folder of a scale (S: the bundled sample; M: all of NRW). */
    static void generate(Path dir, long seed, String scale) {
        SampleDataGenerator.generate(dir, seed, de.integrationsmonitor.generator.Scale.named(scale));
    }

    private static List<MartComparison.Outcome> compare(Map<Mart, MartRows> gold, DuckDbBaseline.Result duck) {
        List<MartComparison.Outcome> outcomes = new ArrayList<>();
        for (Mart mart : Mart.values()) {
            outcomes.add(MartComparison.compare(gold.get(mart), duck.mart(mart)));
        }
        return outcomes;
    }

    /**
     * The JVM options of {@code imon run}: those the launcher started this JVM with (it starts both with
     * the same), without logging or agent options.
     */
    static List<String> runJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(o -> !o.startsWith("-Xlog") && !o.startsWith("-javaagent") && !o.startsWith("-agentlib"))
                .toList();
    }

    /** Loads DuckDB's native library before timing, so the baseline's time is the engine's work only; its version. */
    private static String warmUpDuckDb() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB cannot start: " + e.getMessage(), e);
        }
    }

    private String commandLine() {
        StringBuilder command = new StringBuilder("./imon bench --scale " + scale.strip().toUpperCase(Locale.ROOT));
        if (work != null) {
            command.append(" --work ").append(work);
        }
        command.append(" --seed ").append(seed);
        if (results != null) {
            command.append(" --results ").append(results);
        }
        return command.toString();
    }

    static Path home() {
        String home = System.getProperty("imon.home");
        return Path.of(home == null ? "" : home).toAbsolutePath().normalize();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Files, data rows and bytes of the CSV files in an input folder. */
    /** The report files of a run's output folder: PDF and XLSX files, and the areas (KI folders) holding a Monatsbericht. */
    record ReportFiles(long files, long areas) {
        static ReportFiles of(Path out) throws IOException {
            if (!Files.isDirectory(out)) {
                return new ReportFiles(0, 0);
            }
            try (Stream<Path> paths = Files.walk(out)) {
                List<Path> files = paths.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".pdf") || p.toString().endsWith(".xlsx")).toList();
                long areas = files.stream().filter(p -> p.getFileName().toString().startsWith("monatsbericht_") && p.toString().endsWith(".pdf"))
                        .count();
                return new ReportFiles(files.size(), areas);
            }
        }
    }

    record InputSummary(int files, long rows, long bytes) {
        static InputSummary of(Path input) throws IOException {
            int files = 0;
            long rows = 0;
            long bytes = 0;
            try (Stream<Path> walk = Files.walk(input)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".csv")).toList()) {
                    files++;
                    bytes += Files.size(file);
                    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                        rows += lines.skip(1).filter(line -> !line.isBlank()).count();
                    }
                }
            }
            return new InputSummary(files, rows, bytes);
        }
    }

    /**
     * The incremental delivery: a copy of the input without the last month's participation file and the
     * latest offers snapshot; {@link #deliver()} adds them.
     */
    record Incremental(Path source, Path input, YearMonth month, List<String> heldBack) {
        static Incremental prepare(Path source, Path target) throws IOException {
            List<String> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.filter(Files::isRegularFile).map(p -> source.relativize(p).toString().replace('\\', '/')).sorted().toList();
            }
            String participation = last(files, "participation/teilnahmen_");
            String snapshot = last(files, "offers/angebote_");
            YearMonth month = YearMonth.parse(participation.replaceAll(".*teilnahmen_(\\d{4}-\\d{2})\\.csv", "$1"));
            List<String> heldBack = List.of(participation, snapshot);
            for (String file : files) {
                if (!heldBack.contains(file)) {
                    Path copy = target.resolve(file);
                    Files.createDirectories(copy.getParent());
                    Files.createLink(copy, source.resolve(file)); // the generated files stay as they are: no copy needed
                }
            }
            return new Incremental(source, target, month, heldBack);
        }

        private static String last(List<String> files, String prefix) {
            return files.stream().filter(f -> f.startsWith(prefix) && f.endsWith(".csv")).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new UserException(ErrorCategory.INPUT, "Keine Datei " + prefix + "… in der erzeugten Eingabe."));
        }

        void deliver() throws IOException {
            for (String file : heldBack) {
                Files.copy(source.resolve(file), input.resolve(file));
            }
        }
    }
}
