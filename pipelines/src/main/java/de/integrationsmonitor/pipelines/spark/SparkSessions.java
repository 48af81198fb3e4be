package de.integrationsmonitor.pipelines.spark;

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
        if (!submitted.contains("spark.master")) {
            builder.master(config.sparkMaster())
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false");
            localFileSystemWithoutForks().forEach(builder::config);
        }
        return builder.getOrCreate();
    }
}
