package de.integrationsmonitor.pipelines.run;

import de.integrationsmonitor.pipelines.contract.RunScope;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.gold.marts.CoverageGaps;
import de.integrationsmonitor.pipelines.ops.DataQuality;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One run of the data pipeline: bronze, silver, gold. Each stage is a method so the command line
 * can time and report it; the run log and the per-file accounting are written at the end.
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

    public Pipeline(ImonConfig config, Warehouse warehouse, String runId, Instant startedAt) {
        this.config = requireNonNull(config, "config is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.aliases = Aliases.load(config.confDir());
        this.vocabularies = Vocabularies.load(config.confDir());
    }

    public List<FileOutcome> bronze() {
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
            scope = RunScope.detect(warehouse, RunScope.fingerprint(config.confDir()), forceFull);
        }
        return scope;
    }

    /**
     * Brings silver up to date (completely, or only the changed files), checks the row accounting of the
     * refined files and logs it per file (gold.file_log).
     */
    public List<SilverJob.FileAccount> silver() {
        silver = new SilverJob(warehouse, vocabularies, aliases).run(scope());
        accounts = silver.accounts();
        List<SilverJob.FileAccount> unbalanced = accounts.stream().filter(a -> !a.balances()).toList();
        if (!unbalanced.isEmpty()) {
            throw new IllegalStateException("row accounting failed (rows in != accepted + quarantined): " + unbalanced);
        }
        logFiles();
        return accounts;
    }

    public GoldJob.Result gold(Optional<YearMonth> month) {
        Map<String, List<String>> codes = new java.util.LinkedHashMap<>();
        for (String dimension : List.of(Vocabularies.GENDER, Vocabularies.AGE_GROUP, Vocabularies.MIGRATION, Vocabularies.CATEGORY,
                Vocabularies.WEATHER)) {
            codes.put(dimension, vocabularies.codes(dimension));
        }
        gold = new GoldJob(warehouse, new CoverageGaps.Thresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit()), codes)
                .run(month, silver);
        return gold;
    }

    /** Runs the data-quality checks of the catalog on what this run wrote. */
    public List<DataQuality.Result> dataQuality() {
        return new DataQuality(warehouse).run(runId, Instant.now());
    }

    /** Writes the end of the run to gold.run_log, and per table the versions read and written to gold.run_tables. */
    public void logRun(String arguments, String status, String message) {
        List<Row> tables = warehouse.ledger().stream().map(use -> RowFactory.create(runId, use.table().qualifiedName(),
                use.versionRead(), use.versionWritten(), use.rowsWritten())).toList();
        Row run = RowFactory.create(runId, Timestamp.from(startedAt), Timestamp.from(Instant.now()), status, arguments,
                gold == null ? null : gold.runMonth().toString(), message,
                scope == null ? null : scope.isFull() ? "full: " + scope.fullReason() : "incremental",
                RunScope.fingerprint(config.confDir()));
        warehouse.append(TableCatalog.GOLD_RUN_TABLES, warehouse.spark().createDataFrame(tables, TableCatalog.GOLD_RUN_TABLES.schema()));
        warehouse.append(TableCatalog.GOLD_RUN_LOG, warehouse.spark().createDataFrame(List.of(run), TableCatalog.GOLD_RUN_LOG.schema()));
    }

    /**
     * Writes the per-file accounting of this run, rejected and unchanged files included (gold.file_log).
     * A file an incremental run did not refine keeps the accounting of its last run.
     */
    private void logFiles() {
        Map<String, SilverJob.FileAccount> byFile = new java.util.HashMap<>();
        if (!scope().isFull() && warehouse.exists(TableCatalog.GOLD_FILE_LOG)) {
            warehouse.read(TableCatalog.GOLD_FILE_LOG).filter("status <> 'rejected'").groupBy("source_file")
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
            warehouse.append(TableCatalog.GOLD_FILE_LOG, warehouse.spark().createDataFrame(files, TableCatalog.GOLD_FILE_LOG.schema()));
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
