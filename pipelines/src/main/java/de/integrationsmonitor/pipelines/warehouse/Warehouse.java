package de.integrationsmonitor.pipelines.warehouse;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaHistoryManager;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.util.FileNames;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * The Delta warehouse: one folder per layer, one Delta table per catalog entry. Tables are created
 * explicitly from the catalog and registered as {@code layer.name} so SQL can address them.
 */
public final class Warehouse {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Warehouse.class);
    private static final int DEFAULT_PARALLELISM = 4;

    private final SparkSession spark;
    private final String root;
    private final int parallelism;
    private final Map<TableDef, Long> versionsRead = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<TableDef, long[]> writes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<TableDef> registered = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * The version of each table this object has looked up or committed. A run is the warehouse's only writer (the
     * lock), so a table's version changes only through this object's own commits: each table's log is read once per
     * run, not before every read and existence check.
     */
    private final Map<TableDef, Long> knownVersions = new java.util.concurrent.ConcurrentHashMap<>();
    /** Null for the live warehouse; else every read sees the tables as they stood at this instant. */
    private final java.time.Instant asOf;
    /**
     * Spark setting ({@code true}/{@code false}): this object keeps each table's current version on the driver, as
     * a local relation, and {@link #read} returns it. A table replaced completely (or created) is kept as the rows
     * written, computed once; any other table is read from Delta once, on its first read. Set for small deliveries
     * only ({@link SparkSessions}): there every Delta read costs more than the data (a Spark job for the version's
     * state, one listing its files in every query that scans it, a planned Delta scan) and a table holds a few
     * thousand rows. Queries over local relations need none of that, and Spark evaluates their projections and
     * filters on the driver.
     */
    public static final String KEEP_TABLES = "spark.imon.keepTables";
    /** A table's rows at one version, kept on the driver. */
    private record Kept(long version, Dataset<Row> rows) {}
    /** The kept tables; an entry is valid while its version is the table's current one (a write replaces or drops it). */
    private final Map<TableDef, Kept> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean keepAlways;

    public Warehouse(SparkSession spark, String root) {
        this(spark, root, DEFAULT_PARALLELISM);
    }

    /** {@code parallelism}: how many independent tables are written at the same time. */
    public Warehouse(SparkSession spark, String root, int parallelism) {
        this(spark, root, parallelism, null);
    }

    private Warehouse(SparkSession spark, String root, int parallelism, java.time.Instant asOf) {
        this.spark = requireNonNull(spark, "spark is null");
        this.root = requireNonNull(root, "root is null").replaceAll("/+$", "");
        this.parallelism = parallelism;
        this.asOf = asOf;
    }

    /**
     * A read-only view of the warehouse as it stood at {@code instant} (Delta time travel): every
     * table is read at its latest version committed at or before that instant; a table created later
     * reads as empty. Writes through the view are refused.
     */
    public Warehouse asOf(java.time.Instant instant) {
        return new Warehouse(spark, root, parallelism, requireNonNull(instant, "instant is null"));
    }

    /** The instant of a time-travel view, or null for the live warehouse. */
    public java.time.Instant asOfInstant() {
        return asOf;
    }

    public String root() {
        return root;
    }

    public SparkSession spark() {
        return spark;
    }

    public String location(TableDef table) {
        return root + "/" + table.layer().schemaName() + "/" + table.name();
    }

    public boolean exists(TableDef table) {
        if (asOf != null) {
            CostMeter.add(CostMeter.Count.TABLE_LOOKUPS);
            return DeltaTable.isDeltaTable(spark, location(table)) && versionAt(table, asOf) != null;
        }
        return latestVersion(table) >= 0;
    }

    /**
     * Reads the table's current version and notes that version in the ledger, so the run log can say
     * exactly which data a run used (and time travel can re-read it). With {@link #KEEP_TABLES} the rows come
     * from the driver: those this object wrote, or those it loaded from Delta on the version's first read.
     */
    public Dataset<Row> read(TableDef table) {
        return currentRows(table, keepsTables());
    }

    /**
     * Reads the table's current version from Delta, never kept on the driver whatever the keep setting (and noted in
     * the ledger like {@link #read}): for one query over a slice of a big table, e.g. one month of
     * {@code fct_participation_events}, which {@link #keepTablesFromNowOn} would otherwise load whole onto the driver
     * (about 5 million rows at scale M).
     */
    public Dataset<Row> scan(TableDef table) {
        return currentRows(table, false);
    }

    /** The current version's rows, noted in the ledger: kept ones where this object has them, else from Delta (kept if {@code keep}). */
    private Dataset<Row> currentRows(TableDef table, boolean keep) {
        if (!exists(table)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        long version = currentVersion(table);
        versionsRead.putIfAbsent(table, version);
        Kept local = kept.get(table);
        if (local != null && local.version() == version) {
            return local.rows();
        }
        Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version).load(location(table));
        if (!keep) {
            return rows;
        }
        Dataset<Row> loaded = spark.createDataFrame(rows.collectAsList(), rows.schema());
        kept.put(table, new Kept(version, loaded));
        return loaded;
    }

    /** The version this session sees as the latest of an existing table (for a view: the version at its instant). */
    public long currentVersion(TableDef table) {
        if (asOf != null) {
            return requireNonNull(versionAt(table, asOf), () -> table + " did not exist at " + asOf);
        }
        long version = latestVersion(table);
        if (version < 0) {
            throw new IllegalStateException(table + " does not exist at " + location(table));
        }
        return version;
    }

    /**
     * The latest version of a live table, -1 when there is none (no Delta log at its location). Looked up in the
     * log once per table and object; afterwards only this object's own commits change it ({@link #knownVersions}).
     */
    private long latestVersion(TableDef table) {
        Long known = knownVersions.get(table);
        if (known != null) {
            return known;
        }
        CostMeter.add(CostMeter.Count.TABLE_LOOKUPS);
        long version = DeltaLog.forTable(spark, location(table)).update(false, scala.Option.empty(), scala.Option.empty()).version();
        if (version >= 0) {
            knownVersions.put(table, version);
        }
        return version;
    }

    /** Qualified name to current version (for a view: the version at its instant) of those tables that exist, in the given order. */
    public Map<String, Long> currentVersions(List<TableDef> tables) {
        Map<String, Long> versions = new java.util.LinkedHashMap<>();
        for (TableDef table : tables) {
            if (exists(table)) {
                versions.put(table.qualifiedName(), currentVersion(table));
            }
        }
        return versions;
    }

    /** The latest version committed at or before {@code instant}, or null if the table is younger. */
    private Long versionAt(TableDef table, java.time.Instant instant) {
        CostMeter.add(CostMeter.Count.HISTORY_READS);
        Row row = DeltaTable.forPath(spark, location(table)).history()
                .filter(org.apache.spark.sql.functions.col("timestamp").leq(java.sql.Timestamp.from(instant)))
                .agg(org.apache.spark.sql.functions.max("version")).first();
        return row.isNullAt(0) ? null : row.getLong(0);
    }

    private void refuseWritesOnView(TableDef table) {
        if (asOf != null) {
            throw new IllegalStateException("Cannot write " + table + " through a view of the warehouse as of " + asOf);
        }
    }

    /** One table's use in this session: the version first read, the version last written, rows written. */
    public record TableUse(TableDef table, Long versionRead, Long versionWritten, Long rowsWritten) {}

    /** What this warehouse object has read and written so far, in catalog order. */
    public List<TableUse> ledger() {
        List<TableUse> uses = new ArrayList<>();
        for (TableDef table : TableCatalog.all()) {
            Long read = versionsRead.get(table);
            long[] written = writes.get(table);
            if (read != null || written != null) {
                uses.add(new TableUse(table, read, written == null ? null : written[0], written == null ? null : written[1]));
            }
        }
        return uses;
    }

    /**
     * Notes a committed write in the ledger; a crash-safety test may stop the run here ({@code written:<table>}).
     * Version and row count come from the commit just made: the log's snapshot after the commit and that version's
     * commit file, both read on the driver ({@code DeltaTable.history()} would run a Spark job per write). One
     * writing run per warehouse (the lock), so the latest version is this run's commit.
     */
    private long noteWrite(TableDef table) {
        CostMeter.add(CostMeter.Count.DELTA_COMMITS);
        DeltaLog log = DeltaLog.forTable(spark, location(table));
        long version = log.unsafeVolatileSnapshot().version();
        scala.Option<CommitInfo> commit = DeltaHistoryManager.getCommitInfoOpt(log.store(),
                FileNames.unsafeDeltaFile(log.logPath(), version), log.newDeltaHadoopConf());
        long rows = 0L;
        if (commit.isDefined() && commit.get().operationMetrics().isDefined()) {
            scala.Option<String> written = commit.get().operationMetrics().get().get("numOutputRows");
            rows = written.isDefined() ? Long.parseLong(written.get()) : 0L;
        }
        knownVersions.put(table, version);
        writes.merge(table, new long[] {version, rows}, (old, now) -> new long[] {now[0], old[1] + now[1]});
        CrashPoint.reached("written:" + table.qualifiedName());
        return version;
    }

    /** Replaces the table's content; columns are checked against the catalog before the write. */
    public void overwrite(TableDef table, Dataset<Row> rows) {
        refuseWritesOnView(table);
        long start = System.nanoTime();
        // a table created just now is empty: appending gives the same content without the overwrite's scan of it
        boolean created = create(table);
        Dataset<Row> local = keepsTables() ? local(table, conform(table, rows)) : null;
        if (local != null && !created && sameRows(read(table), local)) {
            // a full rebuild that gives a table's current rows again (a rerun after a killed run, --full) leaves
            // it at its version: no write, no commit; the run records the version it compared with as read
            LOG.info("{} unchanged, not rewritten ({} ms)", table, (System.nanoTime() - start) / 1_000_000);
            return;
        }
        kept.remove(table);
        laidOut(table, local == null ? rows : local).write().format("delta").mode(created ? "append" : "overwrite").save(location(table));
        keepWritten(table, noteWrite(table), local);
        LOG.info("overwrote {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
    }

    private boolean keepsTables() {
        return asOf == null && (keepAlways || Boolean.parseBoolean(spark.conf().get(KEEP_TABLES, "false")));
    }

    /**
     * From now on keeps every table as with {@link #KEEP_TABLES}, whatever the input's size: for the reports, which
     * read the same gold tables once per area (one Delta read each instead of one per area and query). The queries
     * over kept rows are many and small, so the session's SQL settings for small data apply from now on as well
     * ({@link SparkSessions#smallDataSettings()}: no generated code, no adaptive re-planning). At scale M that takes
     * the reports' queries of 53 areas from about 500 extra jobs (one per adaptive shuffle stage) and a code
     * compilation per query shape to one job per query.
     */
    public void keepTablesFromNowOn() {
        keepAlways = true;
        SparkSessions.smallDataSettings().forEach((key, value) -> {
            if (key.startsWith("spark.sql.")) {
                spark.conf().set(key, value);
            }
        });
    }

    /** True when both local relations have the same schema and the same rows, in any order (a multiset). */
    static boolean sameRows(Dataset<Row> current, Dataset<Row> computed) {
        if (!current.schema().equals(computed.schema())) {
            return false;
        }
        List<Row> before = current.collectAsList();
        List<Row> after = computed.collectAsList();
        if (before.size() != after.size()) {
            return false;
        }
        Map<Row, Integer> counts = new java.util.HashMap<>();
        before.forEach(row -> counts.merge(row, 1, Integer::sum));
        for (Row row : after) {
            Integer left = counts.get(row);
            if (left == null) {
                return false;
            }
            if (left == 1) {
                counts.remove(row);
            } else {
                counts.put(row, left - 1);
            }
        }
        return counts.isEmpty();
    }

    /** Keeps the rows just committed as {@code version} of the table (nothing when not kept). */
    private void keepWritten(TableDef table, long version, Dataset<Row> local) {
        if (local != null) {
            kept.put(table, new Kept(version, local));
        }
    }

    /**
     * The rows computed once, on the driver, as a local relation in the table's schema: written from there, and read
     * from there by the rest of the run. A query over local relations needs no Delta snapshot or file listing, and
     * Spark evaluates its projections and filters on the driver.
     */
    private Dataset<Row> local(TableDef table, Dataset<Row> conformed) {
        return spark.createDataFrame(conformed.collectAsList(), table.schema());
    }

    /**
     * Overwrites several independent tables at once. Small writes spend most of their time in the
     * driver (planning, Delta commit), so running a few side by side shortens a run considerably.
     */
    public void overwriteAll(Map<TableDef, Dataset<Row>> tables) {
        List<Runnable> writes = new ArrayList<>();
        tables.forEach((table, rows) -> writes.add(() -> overwrite(table, rows)));
        inParallel(writes);
    }

    /** Runs independent writes (each to its own table) on a small thread pool; rethrows the first failure. */
    public void inParallel(List<Runnable> writes) {
        Parallel.map(writes, parallelism, "imon-writer", write -> {
            write.run();
            return null;
        });
    }

    /** Replaces the rows matching {@code predicate} (e.g. one source file) and keeps all others. */
    public void replaceWhere(TableDef table, String predicate, Dataset<Row> rows) {
        writeReplacing(table, predicate, laidOut(table, rows));
    }

    /**
     * Like {@link #replaceWhere(TableDef, String, Dataset)} for rows that already come grouped by
     * partition (each input split holds whole partitions, e.g. one staged file per delivered file):
     * written as they are, without regrouping them through a shuffle.
     */
    public void replaceWhereGrouped(TableDef table, String predicate, Dataset<Row> rows) {
        writeReplacing(table, predicate, conform(table, rows));
    }

    private void writeReplacing(TableDef table, String predicate, Dataset<Row> laidOut) {
        refuseWritesOnView(table);
        kept.remove(table);
        if (create(table)) {
            // a new table holds exactly these rows: kept like a complete replacement
            Dataset<Row> local = keepsTables() ? local(table, laidOut) : null;
            (local == null ? laidOut : laidOut(table, local)).write().format("delta").mode("append").save(location(table));
            keepWritten(table, noteWrite(table), local);
            return;
        }
        laidOut.write().format("delta").mode("overwrite").option("replaceWhere", predicate).save(location(table));
        noteWrite(table);
    }

    /** {@code column IN (literal, ...)} for a replaceWhere predicate; the literals are SQL text (quoted by the caller). */
    public static String in(String column, java.util.Collection<String> sqlLiterals) {
        if (sqlLiterals.isEmpty()) {
            throw new IllegalArgumentException("no values for " + column);
        }
        return column + " IN (" + String.join(", ", new java.util.TreeSet<>(sqlLiterals)) + ")";
    }

    /** A string as a SQL literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Conformed rows, and for a partitioned table grouped by partition so each partition is written as
     * one file (a month or a delivered file rewritten later touches only its own files).
     */
    private static Dataset<Row> laidOut(TableDef table, Dataset<Row> rows) {
        Dataset<Row> conformed = conform(table, rows);
        if (table.partitionColumns().isEmpty()) {
            return conformed;
        }
        return conformed.repartition(table.partitionColumns().stream().map(functions::col).toArray(Column[]::new));
    }

    public void append(TableDef table, Dataset<Row> rows) {
        refuseWritesOnView(table);
        kept.remove(table);
        create(table);
        laidOut(table, rows).write().format("delta").mode("append").save(location(table));
        noteWrite(table);
    }

    /**
     * Creates the table from its catalog schema if missing and registers it for SQL. Returns true when
     * this call created a new, empty Delta table (no Delta log existed at its location before).
     */
    public boolean create(TableDef table) {
        if (registered.contains(table)) {
            return false;
        }
        boolean isNew = !deltaLogExists(table);
        ensureSchema(table.layer());
        forgetForeignRegistration(table);
        try {
            createIfNotExists(table);
        } catch (Exception e) { // AnalysisException is a checked exception thrown undeclared; rethrown as it came
            if (!isNew && addMissingColumns(table)) {
                createIfNotExists(table);
            } else if (!(e instanceof org.apache.spark.SparkThrowable thrown)
                    || !"DELTA_CREATE_TABLE_WITH_NON_EMPTY_LOCATION".equals(thrown.getCondition())
                    || !removeUncommittedLeftover(table)) {
                throw e;
            } else {
                createIfNotExists(table);
                isNew = true;
            }
        }
        registered.add(table);
        return isNew;
    }

    private void createIfNotExists(TableDef table) {
        DeltaTable.createIfNotExists(spark)
                .tableName(table.qualifiedName())
                .location(location(table))
                .addColumns(table.schema())
                .partitionedBy(table.partitionColumns().toArray(String[]::new))
                .execute();
    }

    /**
     * A warehouse written by an earlier release may lack columns a later release added to the catalog (new optional
     * columns are always nullable): they are added to the existing table, whose rows read them as null. Returns false
     * (and changes nothing) when the existing table has every catalog column, so the failure was something else.
     */
    private boolean addMissingColumns(TableDef table) {
        Set<String> existing;
        try {
            existing = Set.of(spark.read().format("delta").load(location(table)).columns());
        } catch (Exception e) { // not a readable Delta table: the caller rethrows its own failure
            return false;
        }
        List<StructField> missing = Arrays.stream(table.schema().fields()).filter(f -> !existing.contains(f.name())).toList();
        if (missing.isEmpty() || missing.stream().anyMatch(f -> !f.nullable())) {
            return false;
        }
        LOG.info("{}: adding the columns {} of this release to the existing table", table,
                missing.stream().map(StructField::name).toList());
        // one at a time, each after its predecessor in the catalog, so the table's column order is the catalog's
        StructField[] fields = table.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            if (existing.contains(fields[i].name())) {
                continue;
            }
            spark.sql("ALTER TABLE delta.`" + location(table).replace("`", "``") + "` ADD COLUMNS (`" + fields[i].name() + "` "
                    + fields[i].dataType().sql() + (i == 0 ? " FIRST" : " AFTER `" + fields[i - 1].name() + "`") + ")");
        }
        return true;
    }

    /**
     * A run killed while it created a table leaves its folder without any Delta commit: an empty
     * {@code _delta_log}, or one holding only the first commit's temporary file, maybe data files of the
     * first write. None of it was ever part of a table, so the folder is removed; returns false (and
     * touches nothing) when the log holds a commit or checkpoint.
     */
    private boolean removeUncommittedLeftover(TableDef table) {
        org.apache.hadoop.fs.Path location = new org.apache.hadoop.fs.Path(location(table));
        org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location, "_delta_log");
        try {
            org.apache.hadoop.fs.FileSystem fs = location.getFileSystem(spark.sessionState().newHadoopConf());
            if (fs.exists(log)) {
                for (org.apache.hadoop.fs.FileStatus file : fs.listStatus(log)) {
                    if (COMMITTED_LOG_FILE.matcher(file.getPath().getName()).matches()) {
                        return false;
                    }
                }
            }
            LOG.warn("{}: removing the leftover of an interrupted table creation at {} (no Delta commit)", table, location);
            return fs.delete(location, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot inspect " + location, e);
        }
    }

    /** Commits, checkpoints and the checkpoint pointer; anything else in a log (temporary files) is not a commit. */
    private static final java.util.regex.Pattern COMMITTED_LOG_FILE =
            java.util.regex.Pattern.compile("\\d{20}\\.(json|checkpoint.*)|_last_checkpoint|_commits");

    /**
     * The session catalog maps {@code layer.name} to one location. Another warehouse used earlier in
     * the same session (tests, a second --warehouse) may have registered the name elsewhere; drop that
     * catalog entry (the tables are external, so no data is deleted) before registering ours.
     */
    private void forgetForeignRegistration(TableDef table) {
        // Through the session catalog itself: DROP TABLE would first load the (maybe vanished) Delta table.
        ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalog().dropTable(
                new org.apache.spark.sql.catalyst.TableIdentifier(table.name(), scala.Option.apply(table.layer().schemaName())),
                true, false);
    }

    private boolean deltaLogExists(TableDef table) {
        try {
            org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(location(table), "_delta_log");
            return log.getFileSystem(spark.sessionState().newHadoopConf()).exists(log);
        } catch (java.io.IOException e) {
            return true; // unknown: take the safe path (overwrite)
        }
    }

    /** Registers every existing table of the catalog, so queries can use {@code gold.kpi_monthly}. */
    public List<TableDef> registerExisting() {
        List<TableDef> found = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            ensureSchema(layer);
        }
        for (TableDef table : TableCatalog.all()) {
            if (exists(table)) {
                if (!registered.contains(table)) {
                    forgetForeignRegistration(table);
                    spark.sql("CREATE TABLE " + table.qualifiedName() + " USING delta LOCATION '"
                            + location(table).replace("'", "\\'") + "'");
                    registered.add(table);
                }
                found.add(table);
            }
        }
        return found;
    }

    private void ensureSchema(Layer layer) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.schemaName() + " LOCATION '"
                + (root + "/" + layer.schemaName()).replace("'", "\\'") + "'");
    }

    /**
     * Selects the catalog's columns in catalog order and casts them to the catalog types; a missing or
     * unexpected column is a programming error and fails before anything is written.
     */
    public static Dataset<Row> conform(TableDef table, Dataset<Row> rows) {
        Set<String> actual = Set.of(rows.columns());
        Set<String> expected = Arrays.stream(table.schema().fields()).map(StructField::name).collect(Collectors.toSet());
        if (!actual.equals(expected)) {
            throw new IllegalStateException("columns of " + table + " do not match the catalog: missing "
                    + difference(expected, actual) + ", unexpected " + difference(actual, expected));
        }
        Column[] columns = Arrays.stream(table.schema().fields())
                .map(field -> functions.col("`" + field.name() + "`").cast(field.dataType()).as(field.name()))
                .toArray(Column[]::new);
        return rows.select(columns);
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        return left.stream().filter(name -> !right.contains(name)).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
