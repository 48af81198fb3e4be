package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots 2026-01-05, 2026-02-20 and 2026-04-01. A is in all three unchanged; B leaves and comes
 * back; C is renamed in the second; D is gone in the third; E gains Arabic in the second.
 */
@SparkTest
class TestOfferHistory {
    private static Dataset<Row> history;

    @BeforeAll
    static void build(SparkSession spark) {
        Dataset<Row> snapshots = spark.createDataFrame(List.of(
                offer("2026-01-05", "A", "Sprachcafé"), offer("2026-02-20", "A", "Sprachcafé"), offer("2026-04-01", "A", "Sprachcafé"),
                offer("2026-01-05", "B", "Kochtreff"), offer("2026-04-01", "B", "Kochtreff"),
                offer("2026-01-05", "C", "Hausaufgabenhilfe"), offer("2026-02-20", "C", "Lernhilfe"), offer("2026-04-01", "C", "Lernhilfe"),
                offer("2026-01-05", "D", "Beratung"), offer("2026-02-20", "D", "Beratung"),
                offer("2026-01-05", "E", "Elterncafé"), offer("2026-02-20", "E", "Elterncafé"), offer("2026-04-01", "E", "Elterncafé")),
                TableCatalog.SILVER_OFFERS.schema());
        Dataset<Row> languages = spark.createDataFrame(List.of(
                language("2026-01-05", "E", "de"),
                language("2026-02-20", "E", "de"), language("2026-02-20", "E", "ar"),
                language("2026-04-01", "E", "ar"), language("2026-04-01", "E", "de")),
                TableCatalog.SILVER_OFFER_CODES.schema());
        history = Warehouse.conform(TableCatalog.SILVER_OFFER_HISTORY,
                OfferHistory.fromSnapshots(snapshots, Map.of("language", OfferCodes.bridge(languages, "language")))).cache();
    }

    @Test
    void versionsOpenAndCloseAtSnapshotDates() {
        assertThat(rows(history, "offer_id", "version", "valid_from", "valid_to", "offer_name")).containsExactly(
                row("A", 1, "2026-01-05", null, "Sprachcafé"),
                row("B", 1, "2026-01-05", "2026-02-20", "Kochtreff"),
                row("B", 2, "2026-04-01", null, "Kochtreff"),
                row("C", 1, "2026-01-05", "2026-02-20", "Hausaufgabenhilfe"),
                row("C", 2, "2026-02-20", null, "Lernhilfe"),
                row("D", 1, "2026-01-05", "2026-04-01", "Beratung"),
                row("E", 1, "2026-01-05", "2026-02-20", "Elterncafé"),
                row("E", 2, "2026-02-20", null, "Elterncafé"));
    }

    @Test
    void stateOfAnyDateEqualsTheLatestSnapshotOnOrBeforeIt() {
        Dataset<Row> march = history.filter("valid_from <= DATE'2026-03-31' AND (valid_to IS NULL OR valid_to > DATE'2026-03-31')");
        assertThat(rows(march, "offer_id", "snapshot_date")).containsExactly(
                row("A", "2026-01-05"), row("C", "2026-02-20"), row("D", "2026-01-05"), row("E", "2026-02-20"));
    }

    private static Row offer(String snapshot, String id, String name) {
        return RowFactory.create(Date.valueOf(snapshot), id, "05562024", null, name, null, null, null, null, null,
                null, null, true, true, true, "offers/angebote_" + snapshot + ".csv", 2);
    }

    private static Row language(String snapshot, String id, String code) {
        return RowFactory.create(Date.valueOf(snapshot), id, "language", code);
    }
}
