package de.integrationsmonitor.pipelines.gold.facts;

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
class TestQuarantineSummary {
    @Test
    void countsRowsPerFileAndReasonWithTheThreeAlphabeticallyFirstReferences(SparkSession spark) {
        Dataset<Row> quarantine = spark.createDataFrame(List.of(
                rejected("offers/a.csv", 12, "unknown_label"),
                rejected("offers/a.csv", 9, "unknown_label"),
                rejected("offers/a.csv", 100, "unknown_label"),
                rejected("offers/a.csv", 3, "unknown_label"),
                rejected("offers/a.csv", 7, "bad_date"),
                rejected("participation/p.csv", 5, "unknown_label")), TableCatalog.SILVER_QUARANTINE.schema());

        Dataset<Row> summary = Warehouse.conform(TableCatalog.GOLD_QUARANTINE_SUMMARY, QuarantineSummary.of(quarantine));

        // as text, "100" < "12" < "3" < "9": the order in which the Monatsbericht has always listed them
        assertThat(rows(summary, "source_file", "reason", "quarantined_rows", "array_join(examples, '; ')")).containsExactly(
                row("offers/a.csv", "bad_date", 1L, "offers/a.csv Zeile 7"),
                row("offers/a.csv", "unknown_label", 4L, "offers/a.csv Zeile 100; offers/a.csv Zeile 12; offers/a.csv Zeile 3"),
                row("participation/p.csv", "unknown_label", 1L, "participation/p.csv Zeile 5"));
    }

    private static Row rejected(String file, int line, String reason) {
        return RowFactory.create(file, line, reason, "Kategorie", "Schach", "run-1");
    }
}
