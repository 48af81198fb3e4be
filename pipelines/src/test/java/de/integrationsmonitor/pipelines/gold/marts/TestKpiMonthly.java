package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.gold.CoveredMonths;
import de.integrationsmonitor.pipelines.gold.facts.OffersActiveMonthly;
import de.integrationsmonitor.pipelines.gold.facts.ParticipationEvents;
import de.integrationsmonitor.pipelines.silver.OfferHistory;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed case. Snapshot 2026-01-05: A (Castrop-Rauxel), B (Marl, Ende 20.01.), C (Marl, Beginn
 * 15.03.). Snapshot 2026-02-20: A, C, D (Köln). Months 2026-01 to 2026-03.
 */
@SparkTest
class TestKpiMonthly {
    private static final String CR = "05562004";
    private static final String MARL = "05562024";
    private static final String KREIS = "05562";
    private static final String KOELN = "05315000";
    private static final String KOELN_KREIS = "05315";

    private static Dataset<Row> months;
    private static Dataset<Row> active;
    private static Dataset<Row> kpis;

    @BeforeAll
    static void compute(SparkSession spark) {
        months = CoveredMonths.frame(spark, CoveredMonths.between(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
        Dataset<Row> offers = frame(spark, TableCatalog.SILVER_OFFERS,
                offer("2026-01-05", "A", CR, null, null),
                offer("2026-01-05", "B", MARL, null, "2026-01-20"),
                offer("2026-01-05", "C", MARL, "2026-03-15", null),
                offer("2026-02-20", "A", CR, null, null),
                offer("2026-02-20", "C", MARL, "2026-03-15", null),
                offer("2026-02-20", "D", KOELN, null, null));
        Dataset<Row> events = frame(spark, TableCatalog.SILVER_EVENTS,
                event("2026-01-10", CR, 10, 4L, null),
                event("2026-01-15", KREIS, 20, null, 5L),
                event("2026-02-03", MARL, 7, 3L, 2L),
                event("2025-12-30", MARL, 99, null, null),
                event("2026-04-01", MARL, 99, null, null));
        Dataset<Row> workshops = frame(spark, TableCatalog.SILVER_WORKSHOPS,
                RowFactory.create("W1", "Fortschreibung", "Querschnitt", Date.valueOf("2026-03-05"), KREIS, null, 30L, "w.csv", 2),
                RowFactory.create("W2", "Wohnen", "Wohnen", Date.valueOf("2026-03-10"), MARL, null, null, "w.csv", 3));
        Dataset<Row> orgUnits = frame(spark, TableCatalog.SILVER_ORG_UNITS,
                unit("05562", "kreis", "05562"), unit(CR, "gemeinde", KREIS), unit(MARL, "gemeinde", KREIS),
                unit("05562024-huels", "stadtteil", KREIS), unit(KOELN_KREIS, "kreis", KOELN_KREIS), unit(KOELN, "gemeinde", KOELN_KREIS));

        active = OffersActiveMonthly.of(months, OfferHistory.fromSnapshots(offers, Map.of())).cache();
        kpis = KpiMonthly.kpis(months, orgUnits, active, ParticipationEvents.of(months, events), workshops).cache();
    }

    @Test
    void activeOffersFollowTheSnapshotOfTheMonthAndBeginnEnde() {
        assertThat(rows(active, "month", "offer_id", "snapshot_date")).containsExactly(
                row("2026-01", "A", "2026-01-05"),
                row("2026-01", "B", "2026-01-05"),   // Ende 20.01. lies inside January: still active
                row("2026-02", "A", "2026-01-05"),   // unchanged in the second snapshot: same version
                row("2026-02", "D", "2026-02-20"),   // C begins 15.03.: not yet active
                row("2026-03", "A", "2026-01-05"),
                row("2026-03", "C", "2026-01-05"),
                row("2026-03", "D", "2026-02-20"));
    }

    @Test
    void gemeindeRowsCountOwnOffersEventsAndWorkshops() {
        assertThat(rows(kpis.filter("org_unit_id = '" + MARL + "'"))).containsExactly(
                row("2026-01", MARL, 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-02", MARL, 0L, 0L, 1L, 1L, 7L, 3L, 2L, 0L, 0L),
                row("2026-03", MARL, 1L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L));
        assertThat(rows(kpis.filter("org_unit_id = '" + CR + "'"))).containsExactly(
                row("2026-01", CR, 1L, null, null, 1L, 10L, 4L, 0L, 0L, 0L),
                row("2026-02", CR, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-03", CR, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L));
    }

    @Test
    void kreisRowsAddTheirGemeindenAndTheirOwnRecords() {
        assertThat(rows(kpis.filter("org_unit_id = '" + KREIS + "'"))).containsExactly(
                row("2026-01", KREIS, 2L, null, null, 2L, 30L, 4L, 5L, 0L, 0L),
                row("2026-02", KREIS, 1L, 0L, 1L, 1L, 7L, 3L, 2L, 0L, 0L),
                row("2026-03", KREIS, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 2L, 30L));
    }

    @Test
    void kreisfreieStadtHasEqualKreisAndGemeindeRows() {
        assertThat(rows(kpis.filter("org_unit_id LIKE '05315%'"), "month", "org_unit_id", "offers_active", "offers_new"))
                .containsExactly(
                        row("2026-01", KOELN_KREIS, 0L, null), row("2026-01", KOELN, 0L, null),
                        row("2026-02", KOELN_KREIS, 1L, 1L), row("2026-02", KOELN, 1L, 1L),
                        row("2026-03", KOELN_KREIS, 1L, 0L), row("2026-03", KOELN, 1L, 0L));
    }

    @Test
    void everyGemeindeAndKreisHasARowInEveryMonthAndNoStadtteil() {
        assertThat(kpis.count()).isEqualTo(3 * 5);
        assertThat(kpis.filter("org_unit_id = '05562024-huels'").count()).isZero();
        assertThat(Arrays.asList(kpis.columns())).containsExactlyElementsOf(
                Arrays.asList(TableCatalog.GOLD_KPI_MONTHLY.schema().fieldNames()));
    }

    private static Dataset<Row> frame(SparkSession spark, TableDef table, Row... rows) {
        return spark.createDataFrame(List.of(rows), table.schema());
    }

    private static Row offer(String snapshot, String id, String orgUnit, String start, String end) {
        return RowFactory.create(Date.valueOf(snapshot), id, orgUnit, null, "Angebot " + id, null, null, null, null, null,
                start == null ? null : Date.valueOf(start), end == null ? null : Date.valueOf(end), true, true, true, "o.csv", 2);
    }

    private static Row event(String date, String orgUnit, long participants, Long female, Long newcomers) {
        return RowFactory.create(Date.valueOf(date), null, null, orgUnit, participants, female, null, null, newcomers, "p.csv", 2);
    }

    private static Row unit(String id, String level, String kreis) {
        return RowFactory.create(id, "Einheit " + id, level, null, null, null, null, kreis, null, "r.csv", 2);
    }
}
