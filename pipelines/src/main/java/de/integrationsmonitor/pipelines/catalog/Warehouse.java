package de.integrationsmonitor.pipelines.catalog;

import static java.util.Objects.requireNonNull;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

    public Warehouse(SparkSession spark, String root) {
        this(spark, root, DEFAULT_PARALLELISM);
    }

    /** {@code parallelism}: how many independent tables are written at the same time. */
    public Warehouse(SparkSession spark, String root, int parallelism) {
        this.spark = requireNonNull(spark, "spark is null");
        this.root = requireNonNull(root, "root is null").replaceAll("/+$", "");
        this.parallelism = parallelism;
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
        return DeltaTable.isDeltaTable(spark, location(table));
    }

    public Dataset<Row> read(TableDef table) {
        if (!exists(table)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return spark.read().format("delta").load(location(table));
    }

    /** Replaces the table's content; columns are checked against the catalog before the write. */
    public void overwrite(TableDef table, Dataset<Row> rows) {
        long start = System.nanoTime();
        create(table);
        conform(table, rows).write().format("delta").mode("overwrite").save(location(table));
        LOG.info("overwrote {} in {} ms", table, (System.nanoTime() - start) / 1_000_000);
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
        if (writes.size() <= 1 || parallelism <= 1) {
            writes.forEach(Runnable::run);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, writes.size()), runnable -> {
            Thread thread = new Thread(runnable, "imon-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            writes.forEach(write -> futures.add(pool.submit(write)));
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while writing tables", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Replaces the rows matching {@code predicate} (e.g. one source file) and keeps all others. */
    public void replaceWhere(TableDef table, String predicate, Dataset<Row> rows) {
        create(table);
        conform(table, rows).write().format("delta").mode("overwrite").option("replaceWhere", predicate)
                .save(location(table));
    }

    public void append(TableDef table, Dataset<Row> rows) {
        create(table);
        conform(table, rows).write().format("delta").mode("append").save(location(table));
    }

    /** Creates the table from its catalog schema if missing and registers it for SQL. */
    public void create(TableDef table) {
        if (spark.catalog().tableExists(table.qualifiedName())) {
            return; // created or registered earlier in this session
        }
        ensureSchema(table.layer());
        DeltaTable.createIfNotExists(spark)
                .tableName(table.qualifiedName())
                .location(location(table))
                .addColumns(table.schema())
                .partitionedBy(table.partitionColumns().toArray(String[]::new))
                .execute();
    }

    /** Registers every existing table of the catalog, so queries can use {@code gold.kpi_monthly}. */
    public List<TableDef> registerExisting() {
        List<TableDef> registered = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            ensureSchema(layer);
        }
        for (TableDef table : TableCatalog.all()) {
            if (exists(table)) {
                spark.sql("CREATE TABLE IF NOT EXISTS " + table.qualifiedName() + " USING delta LOCATION '"
                        + location(table).replace("'", "\\'") + "'");
                registered.add(table);
            }
        }
        return registered;
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
