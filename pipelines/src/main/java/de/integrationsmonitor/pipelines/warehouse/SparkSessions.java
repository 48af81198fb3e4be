package de.integrationsmonitor.pipelines.warehouse;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a job. The master comes from spark-submit when it sets one, else from
 * conf/ (the embedded default {@code local[*]}); it is never hard-coded.
 */
public final class SparkSessions {
    private SparkSessions() {}

    /** Settings that route {@code file:} paths through {@link NioRawLocalFileSystem} (embedded mode only). */
    public static java.util.Map<String, String> localFileSystemWithoutForks() {
        return java.util.Map.of(
                "spark.hadoop.fs.file.impl", NioRawLocalFileSystem.class.getName(),
                "spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName(),
                "spark.hadoop.fs.file.impl.disable.cache", "true");
    }

    /**
     * Settings for the embedded (local, small data) mode: a run is hundreds of tiny queries, so compiling
     * generated code for each (Janino, plus class lookups in every jar) costs far more than it saves, and
     * adaptive re-planning of each shuffle only adds driver work. Interpreted evaluation gives the same
     * results. Memory pages of 1 MB: Spark sizes them from the heap (64 MB with 4 GB on 2 cores), and every
     * broadcast hash relation built on the driver takes at least one, however few its rows. No list of all files in
     * Delta's checksum file: keeping it up to date costs a Spark job per commit to a new table (46 of a first run's
     * 424 jobs on the fixture; an incremental run's count is unchanged). Not applied when
     * spark-submit sets the master (cluster runs keep codegen and AQE), nor for inputs over {@value #SMALL_INPUT_BYTES} bytes (a Land's files), where rows, not queries, dominate.
     */
    public static java.util.Map<String, String> smallDataSettings() {
        return java.util.Map.of(
                "spark.sql.codegen.wholeStage", "false",
                "spark.sql.codegen.factoryMode", "NO_CODEGEN",
                "spark.sql.adaptive.enabled", "false",
                "spark.buffer.pageSize", "1m",
                "spark.databricks.delta.allFilesInCrc.enabled", "false");
    }

    /**
     * Inputs up to this size run with {@link #smallDataSettings()}: a Kreis's deliveries (the sample's year is 1 MB, five
     * years of a large Kreis about 25 MB). Larger inputs are rows, not queries: one month of a Germany-sized delivery
     * (164 MB, 2.5 million rows) took 409 s in silver with these settings (BENCHMARKS.md, scale L in parts).
     */
    static final long SMALL_INPUT_BYTES = 32L * 1024 * 1024;

    /**
     * Inputs up to this size (a Kreis's deliveries of several years; the sample is 1 MB) also keep the tables a run
     * reads and writes on the driver ({@link Warehouse#KEEP_TABLES}): tens of thousands of rows at most.
     */
    static final long KEEP_TABLES_INPUT_BYTES = 16L * 1024 * 1024;

    /** The setting that keeps the tables of a run on the driver; for inputs up to {@link #KEEP_TABLES_INPUT_BYTES} and tests. */
    public static java.util.Map<String, String> keepTablesSettings() {
        return java.util.Map.of(Warehouse.KEEP_TABLES, "true");
    }

    /** True when the input folder is small enough for {@link #smallDataSettings()} (or cannot be measured). */
    static boolean isSmallInput(java.nio.file.Path input) {
        return inputAtMost(input, SMALL_INPUT_BYTES);
    }

    /** True when the input folder holds at most {@code limit} bytes (or cannot be measured). */
    static boolean inputAtMost(java.nio.file.Path input, long limit) {
        if (input == null || !java.nio.file.Files.isDirectory(input)) {
            return true;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(input)) {
            long bytes = 0;
            for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                bytes += java.nio.file.Files.size(file);
                if (bytes > limit) {
                    return false;
                }
            }
            return true;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }

    public static SparkSession getOrCreate(ImonConfig config) {
        SparkConf submitted = new SparkConf(); // holds spark.* system properties set by spark-submit
        SparkSession.Builder builder = SparkSession.builder()
                .appName("integrationsmonitor")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.sql.adaptive.enabled", "true");
        if (!submitted.contains("spark.sql.warehouse.dir")) {
            // Spark creates a folder for its default database; keep it inside the warehouse, not in the working directory.
            builder.config("spark.sql.warehouse.dir", config.warehousePath() + "/_spark");
        }
        if (!submitted.contains("spark.master")) {
            builder.master(config.sparkMaster())
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false");
            localFileSystemWithoutForks().forEach(builder::config);
            java.util.Map<String, String> settings = new java.util.HashMap<>();
            if (isSmallInput(config.inputPath())) {
                settings.putAll(smallDataSettings());
            }
            if (inputAtMost(config.inputPath(), KEEP_TABLES_INPUT_BYTES)) {
                settings.putAll(keepTablesSettings());
            }
            settings.forEach((key, value) -> {
                if (!submitted.contains(key)) { // -Dspark.…=… still wins
                    builder.config(key, value);
                }
            });
        }
        SparkSession spark = builder.getOrCreate();
        CostMeter.listen(spark);
        return spark;
    }
}
