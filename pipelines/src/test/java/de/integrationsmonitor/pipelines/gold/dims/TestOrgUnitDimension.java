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
class TestOrgUnitDimension {
    @Test
    void keepsEveryUnitWithItsHierarchyAndDropsTheLineage(SparkSession spark) {
        Dataset<Row> silver = spark.createDataFrame(List.of(
                RowFactory.create("05562", "Kreis Recklinghausen", "kreis", "055", 610000L, 80000L, 3000L, "05562", "055",
                        null, null, null, "reference/org_units.csv", 4),
                RowFactory.create("05562004", "Castrop-Rauxel", "gemeinde", "05562", 73000L, null, null, "05562", "055",
                        51.555, 7.311, null, "reference/org_units.csv", 5)), TableCatalog.SILVER_ORG_UNITS.schema());

        Dataset<Row> dimension = Warehouse.conform(TableCatalog.GOLD_ORG_UNITS, OrgUnitDimension.from(silver));

        assertThat(dimension.columns()).doesNotContain("source_file", "source_line");
        assertThat(rows(dimension)).containsExactly(
                row("05562", "Kreis Recklinghausen", "kreis", "055", 610000L, 80000L, 3000L, "05562", "055", null, null),
                row("05562004", "Castrop-Rauxel", "gemeinde", "05562", 73000L, null, null, "05562", "055", 51.555, 7.311));
    }
}
