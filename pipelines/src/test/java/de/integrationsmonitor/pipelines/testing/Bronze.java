package de.integrationsmonitor.pipelines.testing;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import de.integrationsmonitor.pipelines.bronze.DeliveredFile;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Builds in-memory bronze frames from CSV text, through the real reader. */
public final class Bronze {
    private Bronze() {}

    public static Dataset<Row> frame(SparkSession spark, Source source, String relativePath, String csv) {
        return frame(spark, source, CsvFileReader.parse(csv.getBytes(StandardCharsets.UTF_8), relativePath, source, Aliases.none()));
    }

    /** reference/boundaries.geojson from its text, through the real GeoJSON reader. */
    public static Dataset<Row> boundaries(SparkSession spark, String json) {
        return frame(spark, Source.BOUNDARIES, de.integrationsmonitor.pipelines.bronze.GeoJsonFileReader.parse(
                json.getBytes(StandardCharsets.UTF_8), "reference/boundaries.geojson"));
    }

    private static Dataset<Row> frame(SparkSession spark, Source source, DeliveredFile file) {
        String relativePath = file.relativePath();
        assertThat(file).as("fixture %s must be readable", relativePath).isInstanceOf(DeliveredFile.Accepted.class);
        return spark.createDataFrame(
                BronzeIngestion.toRows(source, (DeliveredFile.Accepted) file, "test-run", Instant.parse("2026-11-01T00:00:00Z")),
                TableCatalog.bronze(source).schema());
    }
}
