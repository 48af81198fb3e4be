package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.run.Pipeline;
import de.integrationsmonitor.pipelines.run.RequestedAreas;
import de.integrationsmonitor.pipelines.run.RunIds;
import de.integrationsmonitor.pipelines.run.RunManifest;
import de.integrationsmonitor.pipelines.run.Stages;
import de.integrationsmonitor.pipelines.run.WarehouseLock;
import de.integrationsmonitor.pipelines.warehouse.CostMeter;
import de.integrationsmonitor.pipelines.warehouse.CrashPoint;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.ReportAreas;
import de.integrationsmonitor.reports.ReportSet;
import de.integrationsmonitor.reports.monthly.MonthlyReport;
import de.integrationsmonitor.reports.common.render.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imon run}: bronze, silver, gold and the reports, with one progress line per stage. */
@Command(name = "run",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        description = "Liest die gelieferten CSV-Dateien ein (Bronze), prüft und normalisiert sie (Silber), "
                + "berechnet die Kennzahlen (Gold), prüft die Datenqualität und schreibt die Berichte in den Ausgabeordner: "
                + "je Kreis und kreisfreier Stadt mit Daten im Berichtsmonat in einen eigenen Ordner (z. B. out/kreis-recklinghausen/) "
                + "Monatsbericht (PDF, XLSX), Workshop-Auswertung (PDF, XLSX, wo es Workshops gibt) und Versorgungslücken (PDF für den "
                + "Kreis und je Gemeinde, XLSX); die Landesübersicht aller Gebiete (PDF, XLSX) nach out/land/ und die "
                + "Modellprojekt-Evaluation (PDF, XLSX je Programm) nach out/modellprojekte/.",
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

    @Option(names = "--area", paramLabel = "ID[,ID…]", split = ",",
            description = "Nur die Berichte dieser Kreise bzw. kreisfreien Städte (Kennziffer aus reference/org_units.csv, "
                    + "z. B. 05562). Standard: report.areas in conf/imon.properties, sonst alle mit Daten im Berichtsmonat.")
    List<String> areas;

    @Option(names = "--full",
            description = "Baut Silber und Gold vollständig neu auf. Ohne diese Option verarbeitet ein Lauf nur die seit dem "
                    + "letzten erfolgreichen Lauf neuen oder geänderten Dateien und berechnet nur die betroffenen Monate neu "
                    + "(gleiches Ergebnis); bei geänderten Einstellungen in conf/ oder Referenzdaten immer vollständig.")
    boolean full;

    @Option(names = "--as-of", paramLabel = "LAUF|ZEITPUNKT",
            description = "Erstellt nur die Modellprojekt-Evaluation so, wie die Daten nach einem früheren Lauf (Lauf-ID aus "
                    + "ops.run_log) oder zu einem Zeitpunkt (z. B. 2026-11-22T23:00, Ortszeit Berlin, oder 2026-11-22T22:00:00Z) "
                    + "standen; liest nichts neu ein.")
    String asOf;

    @Option(names = "--kosten",
            description = "Gibt nach dem Lauf je Stufe aus, was sie an festen Kosten zahlt: Spark-Jobs und die Zeit darin, "
                    + "Delta-Commits, Lesezugriffe auf die Delta-Logs, Tabellen- und Historienabfragen, JIT- und GC-Zeit "
                    + "(das Kostenmodell in BENCHMARKS.md).")
    boolean costs;

    @Override
    public Integer call() {
        ImonConfig config = effectiveConfig();
        Path outputDir = config.outputPath();
        if (outputDir.startsWith(config.inputPath())) {
            throw new UserException(ErrorCategory.USAGE, "Der Ausgabeordner " + outputDir + " liegt im Eingabeordner " + config.inputPath()
                    + "; bitte einen anderen Ausgabeordner wählen.");
        }
        if (asOf != null) {
            return evaluationAsOf(config);
        }
        // an unknown area stops the run before anything is read (the delivery's reference/org_units.csv)
        RequestedAreas.check(config.reportAreas(), config.inputPath(), config.confDir(), areaOrigin());
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
            Optional<RunManifest.State> current = full ? Optional.empty()
                    : RunManifest.upToDate(config.warehousePath(), config.inputPath(), config.confDir(), requested,
                    config.reportAreas(), outputDir);
            if (current.isPresent()) {
                out.println("Nichts Neues seit Lauf " + current.get().runId() + ": alle " + current.get().files().size()
                        + " Dateien unverändert, gleiche Einstellungen, keine Tabelle seitdem geändert; Silber, Gold und die Berichte für "
                        + current.get().reportMonth() + " in " + outputDir + " sind aktuell (" + areaCount(current.get().reports().size()) + ").");
                out.println("Fertig ohne Spark (kein neuer Eintrag in ops.run_log); --full rechnet trotzdem alles neu.");
                return 0;
            }
            Pipeline pipeline = Pipeline.start(config, runId, startedAt, progress).forceFull(full);
            String arguments = "input=" + config.inputPath() + " warehouse=" + config.warehousePath() + " out=" + outputDir
                    + " month=" + (month == null ? "auto" : month);
            try {
                GoldJob.Result gold = pipeline.run(requested, progress);
                ReportAreas.Selection selection = ReportAreas.select(pipeline.warehouse(), gold.reportMonth(), config.reportAreas(), areaOrigin());
                List<String> monthlyReports = selection.areas().stream()
                        .map(area -> area.slug() + "/" + MonthlyReport.fileName(gold.reportMonth())).toList();
                for (ReportAreas.Area area : selection.withoutData()) {
                    out.println("          " + area.name() + " (" + area.id() + "): keine Daten für " + gold.reportMonth()
                            + " (keine aktiven Angebote, Veranstaltungen oder Workshops), daher keine Berichte.");
                }
                if (selection.areas().isEmpty()) {
                    out.println("          Kein Kreis und keine kreisfreie Stadt hat Daten für " + gold.reportMonth() + "; keine Berichte.");
                } else if (pipeline.upToDate() && monthlyReports.stream().allMatch(report -> java.nio.file.Files.exists(outputDir.resolve(report)))) {
                    out.println("          Berichte für " + gold.reportMonth() + " (" + areaCount(monthlyReports.size()) + ") liegen bereits in "
                            + outputDir + " und sind aktuell; nichts zu tun.");
                } else {
                    renderReports(config, pipeline, gold, selection.areas(), startedAt, progress);
                }
                pipeline.reportsWritten(monthlyReports);
                progress.stage("Abschluss", () -> {
                    pipeline.logRun(arguments, "succeeded", null);
                    return runId;
                }, id -> "Lauf " + id + " protokolliert (ops.run_log, ops.run_tables)");
                if (costs) {
                    progress.printCosts();
                }
                out.println("Fertig: Lauf " + runId + ", Berichtsmonat " + gold.reportMonth() + ", Berichte in " + outputDir);
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

    /** The reports of the month from gold (their checks and file accounting from the run that computed the data). */
    private static void renderReports(ImonConfig config, Pipeline pipeline, GoldJob.Result gold, List<ReportAreas.Area> areas,
                                      Instant startedAt, Progress progress) {
        Path outputDir = config.outputPath();
        ReportSet reports = new ReportSet(pipeline.warehouse(), config, gold.reportMonth(), pipeline.dataRunId(), startedAt, areas);
        // Temporary files of report files that an earlier, killed run was writing (hidden, never complete).
        ReportFiles.removeLeftovers(outputDir, startedAt);
        progress.stage("Berichtsdaten", reports::read, reading -> String.format(Locale.GERMANY,
                "%s gelesen (Abfragen %.1f s); Schutz kleiner Fallzahlen über alle Berichte: %s Personenzahlen, %s verborgen "
                        + "(%s davon nur zum Schutz anderer)",
                areas.size() == 1 ? areas.get(0).name() : areas.size() + " Gebiete", reading.queries(), count(reading.cells()),
                count(reading.hidden()), count(reading.secondary())));
        progress.stage("Berichte", reports::monthlyAndWorkshops, seconds -> String.format(Locale.GERMANY,
                "Monatsbericht (PDF, XLSX) %.1f s, Workshop-Auswertung %.1f s, %d Workshop-Auswertung%s",
                seconds.monthly(), seconds.workshops(), seconds.workshopReports(), seconds.workshopReports() == 1 ? "" : "en"));
        CrashPoint.reached("stage-done:reports");
        progress.stage("Lücken", reports::gaps, written -> {
            long pdfs = written.stream().filter(file -> file.toString().endsWith(".pdf")).count();
            long workbooks = written.size() - pdfs;
            long gemeinden = pdfs - workbooks;
            return "Versorgungslücken: " + pdfs + " PDF (" + workbooks + (workbooks == 1 ? " Kreis" : " Kreise") + " und "
                    + gemeinden + (gemeinden == 1 ? " Gemeinde" : " Gemeinden") + ") und " + workbooks + " XLSX";
        });
        progress.stage("Land", reports::land, written -> "Landesübersicht: " + fileNames(written));
        progress.stage("Evaluation", reports::evaluations, written -> written.isEmpty() ? "keine Modellprojekte geliefert"
                : "Modellprojekt-Evaluation: " + fileNames(written));
    }

    private static String count(long value) {
        return String.format(Locale.GERMANY, "%,d", value);
    }

    private static String areaCount(int areas) {
        return areas == 1 ? "1 Gebiet" : areas + " Gebiete";
    }

    /** Where the requested areas come from, for messages. */
    private String areaOrigin() {
        return areas != null ? "--area" : ImonConfig.REPORT_AREAS + " in conf/imon.properties";
    }

    private static String fileNames(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
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
            throw new UserException(ErrorCategory.WAREHOUSE, "Zum Zeitpunkt " + resolved.describe() + " gab es gold.indicator_attainment noch nicht; "
                    + "die Evaluation lässt sich erst ab einem späteren Lauf wiederherstellen.");
        }
        YearMonth reportMonth = month != null ? parseMonth(month) : resolved.reportMonth(then);
        Instant startedAt = Instant.now();
        String runId = RunIds.next(startedAt);
        ReportFiles.removeLeftovers(outputDir, startedAt);
        List<Path> written = progress.stage("Evaluation", () -> ReportSet.evaluations(then, config, reportMonth, runId, Instant.now(), outputDir),
                files -> "Stand " + resolved.describe() + ": " + fileNames(files));
        if (written.isEmpty()) {
            throw new UserException(ErrorCategory.WAREHOUSE, "Zum Zeitpunkt " + resolved.describe() + " gab es keine Modellprojekte im Warehouse.");
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
        if (areas != null) {
            config = config.withReportAreas(areas.stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList());
        }
        return config;
    }

    static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserException(ErrorCategory.USAGE, "--month erwartet JJJJ-MM (z. B. 2026-10), nicht '" + text + "'.");
        }
    }

    /** Prints one line per stage with its duration, and keeps each stage's costs ({@link CostMeter}). */
    static final class Progress implements Stages {
        private final PrintWriter out;
        private final java.util.Map<String, CostMeter.Snapshot> costs = new java.util.LinkedHashMap<>();
        private int number;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public <T> T stage(String name, Supplier<T> work, java.util.function.Function<T, String> describe) {
            number++;
            CostMeter.Snapshot before = CostMeter.snapshot();
            T result = work.get();
            CostMeter.Snapshot spent = CostMeter.snapshot().minus(before);
            costs.merge(name, spent, (a, b) -> b);
            double seconds = spent.seconds();
            out.printf(Locale.GERMANY, "[%d] %-9s %6.1f s  %s%n", number, name, seconds, describe.apply(result));
            return result;
        }

        /** The cost table of the stages run so far (for {@code --kosten}), as a Markdown table for BENCHMARKS.md. */
        void printCosts() {
            out.println("Kosten je Stufe:");
            out.println("| Stufe | s | Spark-Jobs | s in Jobs | Delta-Commits | Log-Listings | Log-Dateien gelesen "
                    + "| Tabellenabfragen | Historien | JIT s | GC s |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            CostMeter.Snapshot total = null;
            for (var entry : costs.entrySet()) {
                out.println(costRow(entry.getKey(), entry.getValue()));
                total = total == null ? entry.getValue() : sum(total, entry.getValue());
            }
            if (total != null) {
                out.println(costRow("Summe", total));
            }
        }

        private static CostMeter.Snapshot sum(CostMeter.Snapshot a, CostMeter.Snapshot b) {
            long[] counts = new long[a.counts().length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = a.counts()[i] + b.counts()[i];
            }
            return new CostMeter.Snapshot(a.nanos() + b.nanos(), counts, a.jitMillis() + b.jitMillis(), a.gcMillis() + b.gcMillis());
        }

        private static String costRow(String name, CostMeter.Snapshot s) {
            return String.join(" | ", "| " + name, seconds(s.nanos() / 1_000_000), String.valueOf(s.get(CostMeter.Count.SPARK_JOBS)),
                    seconds(s.get(CostMeter.Count.SPARK_JOB_MILLIS)), String.valueOf(s.get(CostMeter.Count.DELTA_COMMITS)),
                    String.valueOf(s.get(CostMeter.Count.LOG_LISTINGS)), String.valueOf(s.get(CostMeter.Count.LOG_FILE_READS)),
                    String.valueOf(s.get(CostMeter.Count.TABLE_LOOKUPS)), String.valueOf(s.get(CostMeter.Count.HISTORY_READS)),
                    seconds(s.jitMillis()), seconds(s.gcMillis())) + " |";
        }

        private static String seconds(long millis) {
            return String.format(Locale.GERMANY, "%.1f", millis / 1000.0);
        }
    }
}
