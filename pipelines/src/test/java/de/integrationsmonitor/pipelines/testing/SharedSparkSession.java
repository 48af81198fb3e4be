package de.integrationsmonitor.pipelines.testing;

import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession per test JVM ({@code local[2]}, two shuffle partitions, UI off, Delta on),
 * handed to tests and lifecycle methods that declare a {@link SparkSession} parameter.
 */
public final class SharedSparkSession implements ParameterResolver {
    private static SparkSession session;

    public static synchronized SparkSession get() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder();
            SparkSessions.localFileSystemWithoutForks().forEach(builder::config);
            SparkSessions.smallDataSettings().forEach(builder::config);
            SparkSessions.keepTablesSettings().forEach(builder::config);
            session = builder
                    .appName("integrationsmonitor-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/imon-test-spark-warehouse")
                    .getOrCreate();
        }
        return session;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return get();
    }
}
