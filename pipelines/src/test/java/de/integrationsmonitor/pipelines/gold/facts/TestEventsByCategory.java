package de.integrationsmonitor.pipelines.gold.facts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.silver.OfferCodes;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed. March 2026: offer A (Castrop-Rauxel) is active in the version of snapshot 01.03. with the
 * categories sprache and beratung, offer C (Marl) in a version without category; offer B is in the snapshot but
 * not active before April. April: A active in the version of 01.04. with sprache only.
 */
@SparkTest
class TestEventsByCategory {
    private static final String CR = "05562004";
    private static final String MARL = "05562024";
    private static final String KREIS = "05562";

    private static Dataset<Row> facts;

    @BeforeAll
    static void compute(SparkSession spark) {
        Dataset<Row> events = spark.createDataFrame(List.of(
                event("2026-03", "2026-03-02", CR, "A", 10),
                event("2026-03", "2026-03-09", CR, "A", 5),
                event("2026-03", "2026-03-09", CR, "A", 5),      // the same again: a second event, not a duplicate
                event("2026-03", "2026-03-10", CR, "B", 7),
                event("2026-03", "2026-03-11", KREIS, null, 20),  // a programme's own event
                event("2026-03", "2026-03-12", MARL, "C", 3),
                event("2026-04", "2026-04-02", CR, "A", 4)), TableCatalog.GOLD_EVENTS.schema());
        Dataset<Row> active = spark.createDataFrame(List.of(
                RowFactory.create("2026-03", "A", CR, Date.valueOf("2026-03-01")),
                RowFactory.create("2026-03", "C", MARL, Date.valueOf("2026-03-01")),
                RowFactory.create("2026-04", "A", CR, Date.valueOf("2026-04-01")),
                RowFactory.create("2026-04", "B", CR, Date.valueOf("2026-04-01"))), TableCatalog.GOLD_OFFERS_ACTIVE.schema());
        Dataset<Row> categories = spark.createDataFrame(List.of(
                category("2026-03-01", "A", "sprache"),
                category("2026-03-01", "A", "beratung"),
                category("2026-03-01", "B", "sport"),
                category("2026-04-01", "A", "sprache"),
                category("2026-04-01", "B", "sport")), TableCatalog.SILVER_OFFER_CODES.schema());

        facts = Warehouse.conform(TableCatalog.GOLD_EVENTS_BY_CATEGORY, EventsByCategory.of(events, active, OfferCodes.bridge(categories, "category"))).cache();
    }

    @Test
    void countsEachEventOncePerCategoryOfTheVersionActiveInItsMonth() {
        assertThat(rows(facts)).containsExactly(
                row("2026-03", KREIS, "no_offer", null, 1L, 20L),
                row("2026-03", CR, "active", "beratung", 3L, 20L),
                row("2026-03", CR, "active", "sprache", 3L, 20L),
                row("2026-03", CR, "not_active", null, 1L, 7L),
                row("2026-03", MARL, "active", null, 1L, 3L),
                row("2026-04", CR, "active", "sprache", 1L, 4L));
    }

    private static Row event(String month, String date, String orgUnit, String offer, long participants) {
        return RowFactory.create(month, Date.valueOf(date), orgUnit, offer, offer == null ? "KOMM-AN NRW" : null, participants, 0L, 0L);
    }

    private static Row category(String snapshot, String offer, String category) {
        return RowFactory.create(Date.valueOf(snapshot), offer, "category", category);
    }
}
