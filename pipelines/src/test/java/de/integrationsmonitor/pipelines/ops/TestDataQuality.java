package de.integrationsmonitor.pipelines.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDataQuality {
    @TempDir
    Path temp;

    /** All checks run in one query; each still gets its own count and its first examples in sort order. */
    @Test
    void countsAndExamplesPerCheckFromOnePass() {
        SparkSession spark = SharedSparkSession.get();
        Warehouse warehouse = new Warehouse(spark, temp.resolve("wh").toString());
        List<Row> units = List.of(
                unit("05315000", "kreis"), unit("05315000", "kreis"),
                unit("G7", "dorf"), unit("G6", "weiler"), unit("G1", "gemeinde"),
                RowFactory.create("G2", "Einheit G2", "gemeinde", null, null, null, null, null, null, null, null,
                        "lat '91' ist keine Zahl zwischen -90 und 90", "orgs.csv", 7));
        warehouse.overwrite(TableCatalog.SILVER_ORG_UNITS, spark.createDataFrame(units, TableCatalog.SILVER_ORG_UNITS.schema()));

        List<DataQuality.Result> results = new DataQuality(warehouse).run("run-1", Instant.parse("2026-12-01T00:00:00Z"));

        // only the table that exists is checked: its three checks, in catalog order
        assertThat(results).extracting(r -> r.check().name(), DataQuality.Result::failingRows, DataQuality.Result::examples)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unique(org_unit_id)", 1L, List.of("05315000")),
                        org.assertj.core.groups.Tuple.tuple("accepted_values(level)", 2L, List.of("dorf", "weiler")),
                        org.assertj.core.groups.Tuple.tuple("valid_centre(lat, lon)", 1L,
                                List.of("orgs.csv, Zeile 7, G2 (Einheit G2): lat '91' ist keine Zahl zwischen -90 und 90")));
        assertThat(results.get(1).message()).isEqualTo("2 unzulässige Werte in Spalte level");
        assertThat(warehouse.read(TableCatalog.OPS_DQ_RESULTS).orderBy("check_name").collectAsList())
                .extracting(r -> r.getString(r.fieldIndex("check_name")), r -> r.getLong(r.fieldIndex("failing_rows")),
                        r -> r.getString(r.fieldIndex("examples")))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("accepted_values(level)", 2L, "dorf; weiler"),
                        org.assertj.core.groups.Tuple.tuple("unique(org_unit_id)", 1L, "05315000"),
                        org.assertj.core.groups.Tuple.tuple("valid_centre(lat, lon)", 1L,
                                "orgs.csv, Zeile 7, G2 (Einheit G2): lat '91' ist keine Zahl zwischen -90 und 90"));
    }

    private static Row unit(String id, String level) {
        return RowFactory.create(id, "Einheit " + id, level, null, null, null, null, null, null, null, null, null, "orgs.csv", 2);
    }
}
