package de.integrationsmonitor.pipelines.gold.dims;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestIndicatorDimension {
    @Test
    void keepsEveryIndicatorAndDropsTheLineage(SparkSession spark) {
        Dataset<Row> silver = spark.createDataFrame(List.of(
                RowFactory.create("IND-01", "Anteil in Arbeit", "Anteil", "höher ist besser", 0.6, 0.4, "Quartal", null,
                        "model-projects/indicators.csv", 2),
                RowFactory.create("IND-02", "Wartezeit", "Tage", "niedriger ist besser", null, 42.0, "Monat", "bis zum Termin",
                        "model-projects/indicators.csv", 3)), TableCatalog.SILVER_INDICATORS.schema());

        Dataset<Row> dimension = Warehouse.conform(TableCatalog.GOLD_INDICATORS, IndicatorDimension.from(silver));

        assertThat(dimension.columns()).doesNotContain("source_file", "source_line");
        assertThat(rows(dimension)).containsExactly(
                row("IND-01", "Anteil in Arbeit", "Anteil", "höher ist besser", 0.6, 0.4, "Quartal", null),
                row("IND-02", "Wartezeit", "Tage", "niedriger ist besser", null, 42.0, "Monat", "bis zum Termin"));
    }
}
