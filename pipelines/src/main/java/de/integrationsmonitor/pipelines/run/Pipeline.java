package de.integrationsmonitor.pipelines.run;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.RunScope;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.ops.DataQuality;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import de.integrationsmonitor.pipelines.warehouse.CrashPoint;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * One run of the data pipeline, the job: config → session → bronze → silver → gold → data-quality checks, with
 * incremental planning ({@link RunPlanner}) after bronze. {@link #start} opens the session, {@link #run} goes
 * through the stages and hands each to a {@link Stages} listener (the command line times and prints them);
 * the caller renders reports from gold and then closes the run with {@link #logRun} (ops.run_log, ops.run_tables).
 * Each stage is also a method of its own, for tests that stop between stages.
 */
public final class Pipeline {
    private final ImonConfig config;
    private final Warehouse warehouse;
    private final String runId;
    private final Instant startedAt;
    private final Aliases aliases;
    private final Vocabularies vocabularies;
    private List<FileOutcome> outcomes = List.of();
    private List<SilverJob.FileAccount> accounts = List.of();
    private boolean forceFull;
    private RunScope scope;
    private SilverJob.Outcome silver;
    private GoldJob.Result gold;
    private boolean monthRequested;
    /** Set when the run found nothing to do: the last run that computed silver and gold. */
    private String dataRunId;

    public Pipeline(ImonConfig config, Warehouse warehouse, String runId, Instant startedAt) {
        this.config = requireNonNull(config, "config is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.aliases = Aliases.load(config.confDir());
        this.vocabularies = Vocabularies.load(config.confDir());
    }

    /** Opens the Spark session ("Start" stage) and the warehouse for a run. */
    public static Pipeline start(ImonConfig config, String runId, Instant startedAt, Stages stages) {
        SparkSession spark = stages.stage("Start", () -> SparkSessions.getOrCreate(config), session -> "Spark " + session.version());
        return new Pipeline(config, new Warehouse(spark, config.warehousePath()), runId, startedAt);
    }

    /**
     * Bronze, silver, gold and the data-quality checks, one stage each.
     *
     * @param reportMonth the month to report (gold always covers every delivered month); empty: the latest delivered
     */
    public GoldJob.Result run(Optional<YearMonth> reportMonth, Stages stages) {
        monthRequested = reportMonth.isPresent();
        stages.stage("Bronze", this::bronze, StageSummaries::bronze);
        Optional<GoldJob.Result> current = stages.stage("Planung", () -> upToDate(reportMonth),
                result -> result.map(r -> StageSummaries.upToDate(dataRunId(), r)).orElse(scope().describe()));
        if (current.isPresent()) {
            gold = current.get();
            return gold;
        }
        stages.stage("Silber", this::silver, accounts -> StageSummaries.silver(accounts));
        GoldJob.Result result = stages.stage("Gold", () -> gold(reportMonth), StageSummaries::gold);
        CrashPoint.reached("stage-done:gold");
        stages.stage("Prüfungen", this::dataQuality, StageSummaries::quality);
        return result;
    }

    public List<FileOutcome> bronze() {
        RunManifest.invalidate(warehouse.root()); // stale from the first write on, until a run succeeds again
        outcomes = new BronzeIngestion(warehouse, aliases).ingest(config.inputPath(), runId, startedAt);
        return outcomes;
    }

    /** Rebuild silver and gold completely even when an incremental run would do ({@code --full}). */
    public Pipeline forceFull(boolean force) {
        this.forceFull = force;
        return this;
    }

    /** Full or incremental; decided once, after bronze (it compares bronze with the last successful run). */
    public RunScope scope() {
        if (scope == null) {
            scope = RunPlanner.detect(warehouse, RunPlanner.fingerprint(config.confDir()), forceFull);
        }
        return scope;
    }

    /**
     * Brings silver up to date (completely, or only the changed files), checks the row accounting of the
     * refined files and logs it per file (ops.file_log).
     */
    public List<SilverJob.FileAccount> silver() {
        RunManifest.invalidate(warehouse.root());
        try {
            silver = new SilverJob(warehouse, vocabularies, aliases).run(scope());
        } finally {
            dropStageCaches();
        }
        accounts = silver.accounts();
        List<SilverJob.FileAccount> unbalanced = accounts.stream().filter(a -> !a.balances()).toList();
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("row accounting failed (rows in != accepted + quarantined): " + unbalanced);
        }
        logFiles();
        return accounts;
    }

    public GoldJob.Result gold(Optional<YearMonth> month) {
        RunManifest.invalidate(warehouse.root());
        try {
            gold = newGoldJob().run(month, silver);
        } finally {
            dropStageCaches();
        }
        return gold;
    }

    /**
     * A stage's cached frames (and the broadcast relations their plans hold) end with the stage: nothing later
     * reads them, and a JVM that runs several pipelines (the integration tests, a long-lived driver) would otherwise
     * keep every run's caches until the heap is full. Delta's own snapshot caches are not in the cache manager.
     */
    private void dropStageCaches() {
        warehouse.spark().catalog().clearCache();
    }

    private GoldJob newGoldJob() {
        Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
        for (TargetGroup group : TargetGroup.values()) {
            codes.put(group.code(), vocabularies.codes(group));
        }
        for (String vocabulary : List.of(Vocabularies.CATEGORY, Vocabularies.WEATHER)) {
            codes.put(vocabulary, vocabularies.codes(vocabulary));
        }
        return new GoldJob(warehouse, config.gapThresholds(), codes, config.tteLimitDays());
    }

    /**
     * The gold result of the last run when there is nothing to do: no new or changed file since the last successful
     * run (same settings, no table left behind by a run that died) and the report month among the months gold
     * already covers. Then silver, gold and the checks would recompute exactly what they hold; the run ends after
     * bronze. Empty when anything is to be done.
     */
    Optional<GoldJob.Result> upToDate(Optional<YearMonth> reportMonth) {
        if (forceFull || scope().isFull() || !scope().changedFiles().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> last = RunPlanner.lastComputingRun(warehouse);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Optional<GoldJob.Result> current = newGoldJob().current(reportMonth);
        current.ifPresent(result -> dataRunId = last.get());
        return current;
    }

    /**
     * The run whose checks and file accounting describe the data the reports show: this run, or after a run with
     * nothing to do ({@link #upToDate}) the last run that computed silver and gold.
     */
    public String dataRunId() {
        return dataRunId == null ? runId : dataRunId;
    }

    /** True when this run found nothing to do and skipped silver, gold and the checks. */
    public boolean upToDate() {
        return dataRunId != null;
    }

    /** Runs the data-quality checks of the catalog on what this run wrote. */
    public List<DataQuality.Result> dataQuality() {
        return new DataQuality(warehouse).run(runId, Instant.now());
    }

    private List<String> reports = List.of();

    /**
     * Writes the end of the run to ops.run_log (the message of a succeeded run that computed case milestones: their
     * summary with the cases without Zuzug per project), and per table the versions read and written to ops.run_tables.
     */
    public void logRun(String arguments, String status, String message) {
        List<Row> tables = warehouse.ledger().stream().map(use -> RowFactory.create(runId, use.table().qualifiedName(),
                use.versionRead(), use.versionWritten(), use.rowsWritten())).toList();
        Row run = RowFactory.create(runId, Timestamp.from(startedAt), Timestamp.from(Instant.now()), status, arguments,
                gold == null ? null : gold.reportMonth().toString(),
                message == null && gold != null && !StageSummaries.cases(gold.cases()).isEmpty()
                        ? StageSummaries.cases(gold.cases()).substring(2) : message,
                scope == null ? null : scope.isFull() ? "full: " + scope.fullReason() : upToDate() ? RunPlanner.UP_TO_DATE : "incremental",
                RunPlanner.fingerprint(config.confDir()));
        warehouse.append(TableCatalog.OPS_RUN_TABLES, warehouse.spark().createDataFrame(tables, TableCatalog.OPS_RUN_TABLES.schema()));
        warehouse.append(TableCatalog.OPS_RUN_LOG, warehouse.spark().createDataFrame(List.of(run), TableCatalog.OPS_RUN_LOG.schema()));
        if ("succeeded".equals(status) && gold != null) {
            RunManifest.write(warehouse.root(), new RunManifest.State(runId, RunPlanner.fingerprint(config.confDir()),
                    gold.reportMonth(), monthRequested, String.join(",", config.reportAreas()), reports, RunManifest.files(outcomes),
                    warehouse.currentVersions(TableCatalog.all())));
        }
    }

    /** Each area's Monatsbericht of this run (or the current ones it found), relative to the output folder, for the manifest. */
    public void reportsWritten(List<String> relativePaths) {
        reports = List.copyOf(relativePaths);
    }

    /**
     * Writes the per-file accounting of this run, rejected and unchanged files included (ops.file_log).
     * A file an incremental run did not refine keeps the accounting of its last run.
     */
    private void logFiles() {
        Map<String, SilverJob.FileAccount> byFile = new java.util.HashMap<>();
        if (!scope().isFull() && warehouse.exists(TableCatalog.OPS_FILE_LOG)) {
            warehouse.read(TableCatalog.OPS_FILE_LOG).filter("status <> 'rejected'").groupBy("source_file")
                    .agg(org.apache.spark.sql.functions.expr("max_by(struct(rows_in, rows_accepted, rows_quarantined), run_id)")
                            .as("last"))
                    .select("source_file", "last.rows_in", "last.rows_accepted", "last.rows_quarantined").collectAsList()
                    .forEach(r -> byFile.put(r.getString(0), new SilverJob.FileAccount(r.getString(0), r.getLong(1), r.getLong(2),
                            r.getLong(3))));
        }
        accounts.forEach(account -> byFile.put(account.sourceFile(), account));
        List<Row> files = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            SilverJob.FileAccount account = byFile.get(outcome.sourceFile());
            files.add(RowFactory.create(runId, outcome.sourceFile(), outcome.checksum(), outcome.status().name().toLowerCase(),
                    account == null ? outcome.rows() : account.rowsIn(), account == null ? 0L : account.rowsAccepted(),
                    account == null ? 0L : account.rowsQuarantined(), outcome.message()));
        }
        if (!files.isEmpty()) {
            warehouse.append(TableCatalog.OPS_FILE_LOG, warehouse.spark().createDataFrame(files, TableCatalog.OPS_FILE_LOG.schema()));
        }
    }

    /** What gold computed in this run, or null before {@link #gold(Optional)}. */
    public GoldJob.Result goldResult() {
        return gold;
    }

    public String runId() {
        return runId;
    }

    public Warehouse warehouse() {
        return warehouse;
    }
}
