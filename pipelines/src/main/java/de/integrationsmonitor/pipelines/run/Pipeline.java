package de.integrationsmonitor.pipelines.run;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.catalog.TableCatalog;
import de.integrationsmonitor.pipelines.catalog.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.gold.CoverageGaps;
import de.integrationsmonitor.pipelines.gold.DataQuality;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /** Rebuilds silver, checks the row accounting and logs it per file (gold.file_log). */
    public List<SilverJob.FileAccount> silver() {
        accounts = new SilverJob(warehouse, vocabularies, aliases).run();
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
                .run(month);
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
                gold == null ? null : gold.runMonth().toString(), message);
        warehouse.append(TableCatalog.GOLD_RUN_TABLES, warehouse.spark().createDataFrame(tables, TableCatalog.GOLD_RUN_TABLES.schema()));
        warehouse.append(TableCatalog.GOLD_RUN_LOG, warehouse.spark().createDataFrame(List.of(run), TableCatalog.GOLD_RUN_LOG.schema()));
    }

    /** Writes the per-file accounting of this run, rejected and unchanged files included (gold.file_log). */
    private void logFiles() {
        Map<String, SilverJob.FileAccount> byFile = accounts.stream()
                .collect(Collectors.toMap(SilverJob.FileAccount::sourceFile, Function.identity()));
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

    public String runId() {
        return runId;
    }

    public Warehouse warehouse() {
        return warehouse;
    }
}
