package de.integrationsmonitor.pipelines.gold.dims;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TestModelProjectDimension {
    @Test
    void keepsEveryProjectAndDropsTheLineage(SparkSession spark) {
        Dataset<Row> silver = spark.createDataFrame(List.of(
                RowFactory.create("P1", "Einwanderung gestalten NRW", "05562004", "Ankommen in Castrop", "Neuzugewanderte",
                        Date.valueOf("2026-01-01"), null, "model-projects/projects.csv", 2),
                RowFactory.create("P2", "KOMM-AN NRW", "05562", "Ehrenamt stärken", null, null, Date.valueOf("2026-12-31"),
                        "model-projects/projects.csv", 3)), TableCatalog.SILVER_PROJECTS.schema());

        Dataset<Row> dimension = Warehouse.conform(TableCatalog.GOLD_MODEL_PROJECTS, ModelProjectDimension.from(silver));

        assertThat(dimension.columns()).doesNotContain("source_file", "source_line");
        assertThat(rows(dimension)).containsExactly(
                row("P1", "Einwanderung gestalten NRW", "05562004", "Ankommen in Castrop", "Neuzugewanderte", "2026-01-01", null),
                row("P2", "KOMM-AN NRW", "05562", "Ehrenamt stärken", null, null, "2026-12-31"));
    }
}
