package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.warehouse.CrashPoint;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.QualityCheck;
import de.integrationsmonitor.pipelines.ops.DataQuality;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.run.Pipeline;
import de.integrationsmonitor.pipelines.run.RunIds;
import de.integrationsmonitor.pipelines.run.WarehouseLock;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.gold.marts.CoverageGaps;
import de.integrationsmonitor.reports.gaps.GapReportQueries;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.monthly.MonthlyReportQueries;
import de.integrationsmonitor.reports.gaps.GapReport;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.gaps.GapWorkbook;
import de.integrationsmonitor.reports.evaluation.EvaluationQueries;
import de.integrationsmonitor.reports.evaluation.EvaluationData;
import de.integrationsmonitor.reports.evaluation.EvaluationReport;
import de.integrationsmonitor.reports.evaluation.EvaluationWorkbook;
import de.integrationsmonitor.reports.monthly.MonthlyReport;
import de.integrationsmonitor.reports.monthly.MonthlyWorkbook;
import de.integrationsmonitor.reports.workshops.WorkshopReportQueries;
import de.integrationsmonitor.reports.workshops.WorkshopReport;
import de.integrationsmonitor.reports.workshops.WorkshopReportData;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.common.render.ReportFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.PrintWriter;

/** {@code imon run}: bronze, silver, gold and the reports, with one progress line per stage. */
@Command(name = "run",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        description = "Liest die gelieferten CSV-Dateien ein (Bronze), prüft und normalisiert sie (Silber), "
                + "berechnet die Kennzahlen (Gold), prüft die Datenqualität und schreibt die Berichte in den Ausgabeordner: "
                + "Monatsbericht (PDF, XLSX), Workshop-Auswertung (PDF), Versorgungslücken (PDF für den Kreis und je Gemeinde, XLSX) "
                + "und Modellprojekt-Evaluation (PDF, XLSX je Programm).",
        footer = {"", "Beispiel:", "  ./imon run --input meine-daten --month 2026-09"})
final class RunCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    GermanHelp germanHelp = new GermanHelp();

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--input", paramLabel = "ORDNER", description = "Eingabeordner nach dem Datenvertrag (Standard: ./sample-data).")
    Path input;

    @Option(names = "--out", paramLabel = "ORDNER", description = "Ausgabeordner für Berichte (Standard: ./out).")
    Path outDir;

    @Option(names = "--month", paramLabel = "JJJJ-MM",
            description = "Berichtsmonat (Standard: der jüngste gelieferte Monat). Ein früherer Monat zeigt die Angebote so, "
                    + "wie sie damals waren (Angebotshistorie).")
    String month;

    @Option(names = "--full",
            description = "Baut Silber und Gold vollständig neu auf. Ohne diese Option verarbeitet ein Lauf nur die seit dem "
                    + "letzten erfolgreichen Lauf neuen oder geänderten Dateien und berechnet nur die betroffenen Monate neu "
                    + "(gleiches Ergebnis); bei geänderten Einstellungen in conf/ oder Referenzdaten immer vollständig.")
    boolean full;

    @Option(names = "--as-of", paramLabel = "LAUF|ZEITPUNKT",
            description = "Erstellt nur die Modellprojekt-Evaluation so, wie die Daten nach einem früheren Lauf (Lauf-ID aus "
                    + "gold.run_log) oder zu einem Zeitpunkt (z. B. 2026-11-22T23:00, Ortszeit Berlin, oder 2026-11-22T22:00:00Z) "
                    + "standen; liest nichts neu ein.")
    String asOf;

    @Override
    public Integer call() {
        ImonConfig config = effectiveConfig();
        Path outputDir = config.outputPath();
        if (outputDir.startsWith(config.inputPath())) {
            throw new UserException("Der Ausgabeordner " + outputDir + " liegt im Eingabeordner " + config.inputPath()
                    + "; bitte einen anderen Ausgabeordner wählen.");
        }
        if (asOf != null) {
            return evaluationAsOf(config);
        }
        Optional<YearMonth> requested = Optional.ofNullable(month).map(RunCommand::parseMonth);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(out);
        out.println("Eingabe:   " + config.inputPath());
        out.println("Warehouse: " + config.warehousePath());
        out.println("Ausgabe:   " + outputDir);

        Instant startedAt = Instant.now();
        String runId = RunIds.next(startedAt);
        // One writing run per warehouse; a second run stops here with a German message.
        try (WarehouseLock lock = WarehouseLock.acquire(config.warehousePath(), runId)) {
            SparkSession spark = progress.stage("Start", () -> SparkSessions.getOrCreate(config), s -> "Spark " + s.version());
            Warehouse warehouse = new Warehouse(spark, config.warehousePath());
            Pipeline pipeline = new Pipeline(config, warehouse, runId, startedAt).forceFull(full);
            String arguments = "input=" + config.inputPath() + " warehouse=" + config.warehousePath() + " out=" + outputDir
                    + " month=" + (month == null ? "auto" : month);
            try {
                List<FileOutcome> files = progress.stage("Bronze", pipeline::bronze, RunCommand::describeBronze);
                files.stream().filter(f -> f.status() == FileOutcome.Status.REJECTED)
                        .forEach(f -> out.println("          abgelehnt: " + f.message()));
                progress.stage("Silber", pipeline::silver, accounts -> pipeline.scope().describe() + ": " + describeSilver(accounts));
                GoldJob.Result gold = progress.stage("Gold", () -> pipeline.gold(requested), RunCommand::describeGold);
                CrashPoint.reached("stage-done:gold");
                progress.stage("Prüfungen", pipeline::dataQuality, RunCommand::describeQuality);
                Vocabularies vocabularies = Vocabularies.load(config.confDir());
                SmallCounts smallCounts = new SmallCounts(config.disclosureMinCount());
                GapReportData[] gaps = new GapReportData[1];
                // Temporary files of report files that an earlier, killed run was writing (hidden, never complete).
                ReportFiles.removeLeftovers(outputDir, startedAt);
                progress.stage("Berichte", () -> {
                    long started = System.nanoTime();
                    gaps[0] = new GapReportQueries(warehouse).load(config.reportAreaId(), gold.runMonth(), vocabularies,
                            new CoverageGaps.Thresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit()), runId, startedAt);
                    MonthlyReportData data = new MonthlyReportQueries(warehouse)
                            .load(config.reportAreaId(), gold.runMonth(), runId, startedAt, vocabularies.displayLabels(Vocabularies.CATEGORY))
                            .withTopGaps(GapReport.topGaps(gaps[0], MonthlyReport.TOP_GAPS));
                    double queries = (System.nanoTime() - started) / 1e9;
                    started = System.nanoTime();
                    MonthlyReport.renderPdf(data, smallCounts, outputDir);
                    MonthlyWorkbook.write(data, smallCounts, outputDir);
                    double monthly = (System.nanoTime() - started) / 1e9;
                    started = System.nanoTime();
                    WorkshopReportData workshops = new WorkshopReportQueries(warehouse).load(config.reportAreaId(), gold.runMonth(),
                            vocabularies.displayLabels(Vocabularies.WEATHER), runId, startedAt);
                    WorkshopReport.renderPdf(workshops, smallCounts, outputDir);
                    return new double[] {queries, monthly, (System.nanoTime() - started) / 1e9};
                }, seconds -> String.format(Locale.GERMANY,
                        "Abfragen %.1f s, Monatsbericht (PDF, XLSX) %.1f s, Workshop-Auswertung (mit Abfrage) %.1f s",
                        seconds[0], seconds[1], seconds[2]));
                CrashPoint.reached("stage-done:reports");
                progress.stage("Lücken", () -> {
                    List<Path> written = new java.util.ArrayList<>(GapReport.renderPdfs(gaps[0], smallCounts, outputDir));
                    written.add(GapWorkbook.write(gaps[0], smallCounts, outputDir));
                    return written;
                }, written -> "Versorgungslücken: " + (written.size() - 1) + " PDF (Kreis und " + (written.size() - 2) + " Gemeinden) und "
                        + written.get(written.size() - 1).getFileName());
                progress.stage("Evaluation", () -> {
                    EvaluationQueries queries = new EvaluationQueries(warehouse);
                    List<Path> written = new java.util.ArrayList<>();
                    for (String program : queries.programs()) {
                        EvaluationData data = queries.load(program, gold.runMonth(), runId, startedAt);
                        written.add(EvaluationReport.renderPdf(data, outputDir));
                        written.add(EvaluationWorkbook.write(data, outputDir));
                    }
                    return written;
                }, written -> written.isEmpty() ? "keine Modellprojekte geliefert"
                        : "Modellprojekt-Evaluation: " + written.stream().map(p -> p.getFileName().toString())
                                .collect(java.util.stream.Collectors.joining(", ")));
                pipeline.logRun(arguments, "succeeded", null);
                out.println("Fertig: Lauf " + runId + ", Berichtsmonat " + gold.runMonth() + ", Berichte in " + outputDir);
                return 0;
            } catch (RuntimeException e) {
                try {
                    pipeline.logRun(arguments, "failed", e.getMessage());
                } catch (RuntimeException logFailure) {
                    e.addSuppressed(logFailure);
                }
                throw e;
            }
        }
    }

    private static String describeGold(GoldJob.Result gold) {
        String months = gold.months().size() + " Monate (" + gold.months().get(0) + " bis " + gold.months().get(gold.months().size() - 1) + ")";
        if (gold.incremental()) {
            months += ", davon neu berechnet: " + gold.computedMonths().stream().map(YearMonth::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return months + ", Berichtsmonat " + gold.runMonth() + ", " + String.format(Locale.GERMANY, "%.1f", gold.gapSeconds())
                + " s für Versorgungslücken";
    }

    /** {@code --as-of}: renders the evaluation from the Delta tables as they stood then, and nothing else. */
    private Integer evaluationAsOf(ImonConfig config) {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(out);
        Path outputDir = config.outputPath();
        SparkSession spark = progress.stage("Start", () -> SparkSessions.getOrCreate(config), s -> "Spark " + s.version());
        Warehouse live = new Warehouse(spark, config.warehousePath());
        AsOf resolved = AsOf.resolve(asOf, live);
        Warehouse then = live.asOf(resolved.instant());
        if (!then.exists(TableCatalog.GOLD_INDICATOR_ATTAINMENT)) {
            throw new UserException("Zum Zeitpunkt " + resolved.describe() + " gab es gold.indicator_attainment noch nicht; "
                    + "die Evaluation lässt sich erst ab einem späteren Lauf wiederherstellen.");
        }
        YearMonth runMonth = month != null ? parseMonth(month) : resolved.runMonth(then);
        Instant startedAt = Instant.now();
        String runId = RunIds.next(startedAt);
        ReportFiles.removeLeftovers(outputDir, startedAt);
        List<Path> written = progress.stage("Evaluation", () -> {
            EvaluationQueries queries = new EvaluationQueries(then);
            List<Path> files = new java.util.ArrayList<>();
            for (String program : queries.programs()) {
                EvaluationData data = queries.load(program, runMonth, runId, Instant.now());
                files.add(EvaluationReport.renderPdf(data, outputDir));
                files.add(EvaluationWorkbook.write(data, outputDir));
            }
            return files;
        }, files -> "Stand " + resolved.describe() + ": " + files.stream().map(p -> p.getFileName().toString())
                .collect(java.util.stream.Collectors.joining(", ")));
        if (written.isEmpty()) {
            throw new UserException("Zum Zeitpunkt " + resolved.describe() + " gab es keine Modellprojekte im Warehouse.");
        }
        out.println("Fertig: Modellprojekt-Evaluation mit dem Datenstand " + resolved.describe() + " in " + outputDir);
        return 0;
    }

    private ImonConfig effectiveConfig() {
        ImonConfig config = common.config();
        if (input != null) {
            config = config.withInputPath(input);
        }
        if (outDir != null) {
            config = config.withOutputPath(outDir);
        }
        return config;
    }

    static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserException("--month erwartet JJJJ-MM (z. B. 2026-10), nicht '" + text + "'.");
        }
    }

    private static String describeBronze(List<FileOutcome> files) {
        long changed = files.stream().filter(f -> f.status() == FileOutcome.Status.LOADED || f.status() == FileOutcome.Status.REPLACED).count();
        long unchanged = files.stream().filter(f -> f.status() == FileOutcome.Status.UNCHANGED).count();
        long rejected = files.stream().filter(f -> f.status() == FileOutcome.Status.REJECTED).count();
        long ignored = files.stream().filter(f -> f.status() == FileOutcome.Status.IGNORED).count();
        long rows = files.stream().filter(f -> f.status() == FileOutcome.Status.LOADED || f.status() == FileOutcome.Status.REPLACED)
                .mapToLong(FileOutcome::rows).sum();
        return files.size() + " Dateien: " + changed + " neu oder geändert (" + Formats.count(rows) + " Zeilen), "
                + unchanged + " unverändert, " + rejected + " abgelehnt" + (ignored > 0 ? ", " + ignored + " ignoriert" : "");
    }

    private static String describeQuality(List<DataQuality.Result> results) {
        long errors = results.stream().filter(r -> r.failingRows() > 0 && r.check().severity() == QualityCheck.Severity.ERROR).count();
        long warnings = results.stream().filter(r -> r.failingRows() > 0 && r.check().severity() == QualityCheck.Severity.WARNING).count();
        return results.size() + " Prüfungen: " + errors + " Fehler, " + warnings + " Hinweise (gold.dq_results)";
    }

    private static String describeSilver(List<SilverJob.FileAccount> accounts) {
        long in = accounts.stream().mapToLong(SilverJob.FileAccount::rowsIn).sum();
        long accepted = accounts.stream().mapToLong(SilverJob.FileAccount::rowsAccepted).sum();
        long quarantined = accounts.stream().mapToLong(SilverJob.FileAccount::rowsQuarantined).sum();
        return Formats.count(in) + " Zeilen: " + Formats.count(accepted) + " übernommen, " + Formats.count(quarantined)
                + " in Quarantäne (silver.quarantine)";
    }

    /** Prints one line per stage with its duration. */
    static final class Progress {
        private final PrintWriter out;
        private int number;

        Progress(PrintWriter out) {
            this.out = out;
        }

        <T> T stage(String name, Supplier<T> work, java.util.function.Function<T, String> describe) {
            number++;
            long start = System.nanoTime();
            T result = work.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.GERMANY, "[%d] %-9s %6.1f s  %s%n", number, name, seconds, describe.apply(result));
            return result;
        }
    }

    /** German number formatting for console lines. */
    static final class Formats {
        static String count(long value) {
            return String.format(Locale.GERMANY, "%,d", value);
        }
    }
}
