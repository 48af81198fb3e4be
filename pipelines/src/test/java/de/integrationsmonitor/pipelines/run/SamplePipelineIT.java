package de.integrationsmonitor.pipelines.run;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs bronze, silver and gold on the committed sample-data/ and checks its deliberate faults. */
@SparkTest
class SamplePipelineIT {
    @TempDir
    static Path temp;

    static Warehouse warehouse;
    static List<SilverJob.FileAccount> accounts;
    static GoldJob.Result gold;

    @BeforeAll
    static void run(SparkSession spark) {
        Path project = Fixtures.projectConf().getParent();
        ImonConfig config = ImonConfig.load(project, project.resolve("conf")).withWarehousePath(temp.resolve("warehouse").toString());
        warehouse = new Warehouse(spark, config.warehousePath());
        Pipeline pipeline = new Pipeline(config, warehouse, "sample-run", Instant.parse("2026-11-22T12:00:00Z"));
        pipeline.bronze();
        accounts = pipeline.silver();
        gold = pipeline.gold(Optional.empty());
        pipeline.logRun("test", "succeeded", null);
    }

    @Test
    void quarantineHoldsExactlyTheDeliberateFaults() {
        assertThat(rows(warehouse.read(TableCatalog.SILVER_QUARANTINE), "source_file", "source_line", "reason")).containsExactly(
                row("model-projects/case_events.csv", 420, "missing_value"),
                row("model-projects/case_events.csv", 1438, "duplicate_key"),
                row("model-projects/case_events.csv", 1679, "bad_date"),
                row("model-projects/case_events.csv", 2375, "unknown_project"),
                row("model-projects/case_events.csv", 2595, "unknown_label"),
                row("model-projects/case_events.csv", 3150, "event_before_start"),
                row("model-projects/values.csv", 229, "duplicate_key"),
                row("model-projects/values.csv", 471, "unknown_indicator"),
                row("offers/angebote_2026-10-01.csv", 286, "duplicate_key"),
                row("offers/angebote_2026-10-01.csv", 472, "missing_value"),
                row("offers/angebote_2026-10-01.csv", 478, "bad_date"),
                row("offers/angebote_2026-10-01.csv", 491, "unknown_label"),
                row("offers/angebote_2026-10-01.csv", 497, "unknown_city"),
                row("offers/angebote_2026-10-01.csv", 500, "unknown_label"),
                row("participation/teilnahmen_2025-12.csv", 181, "unknown_offer"),
                row("participation/teilnahmen_2026-01.csv", 375, "bad_number"),
                row("participation/teilnahmen_2026-02.csv", 427, "davon_exceeds_total"),
                row("participation/teilnahmen_2026-03.csv", 121, "negative_count"),
                row("participation/teilnahmen_2026-04.csv", 163, "bad_date"),
                row("participation/teilnahmen_2026-05.csv", 310, "missing_program_or_city"),
                row("participation/teilnahmen_2026-09.csv", 334, "davon_exceeds_total"),
                row("reference/demand.csv", 333, "duplicate_key"),
                row("workshops/statements.csv", 54, "unknown_label"),
                row("workshops/statements.csv", 108, "unknown_workshop"));
    }

    @Test
    void everyFileBalancesAndNothingIsRejectedWhole() {
        // the 24 CSV files and reference/boundaries.geojson (19 features)
        assertThat(accounts).hasSize(25).allMatch(SilverJob.FileAccount::balances);
        assertThat(warehouse.read(TableCatalog.OPS_FILE_LOG).filter("status <> 'loaded'").count()).isZero();
    }

    @Test
    void defaultReportMonthIsTheLatestDeliveredMonth() {
        assertThat(gold.months()).hasSize(12);
        assertThat(gold.months().get(0)).isEqualTo(YearMonth.of(2025, 11));
        assertThat(gold.reportMonth()).isEqualTo(YearMonth.of(2026, 10));
        // 10 Recklinghausen Gemeinden + Kreis, 12 model municipalities' Kreise and Gemeinden: every one, every month
        long units = warehouse.read(TableCatalog.SILVER_ORG_UNITS).filter("level IN ('kreis', 'gemeinde')").count();
        assertThat(warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).count()).isEqualTo(units * 12);
    }

    @Test
    void kreisFiguresAreTheSumOfItsGemeindenPlusOwnRecords() {
        var kpi = warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).filter("month = '2026-10'");
        long kreis = kpi.filter("org_unit_id = '05562'").first().<Long>getAs("offers_active");
        long sum = kpi.filter("org_unit_id LIKE '05562___'").selectExpr("sum(offers_active)").first().getLong(0);
        assertThat(kreis).isEqualTo(sum).isBetween(450L, 510L);
    }

    /**
     * gold.time_to_event has rows for every model project with cases (all twelve), every measured milestone and gesamt.
     * EGN-01 and EGN-12 are the sample's planted overstatements: their completed waits are mostly short (naive 89.6 % and
     * 94.3 % within 56 days), but many cases still wait, so the Kaplan–Meier share is 54.3 % and 46.3 %. EGN-09 ended
     * 30.06.2026 (follow-up ends there; two later arrivals are left out); EGN-11 has one case without Zuzug.
     */
    @Test
    void timeToEventIsFilledForEveryProjectWithCases() {
        var waits = warehouse.read(TableCatalog.GOLD_TIME_TO_EVENT);
        assertThat(waits.filter("cohort = 'gesamt'").count()).isEqualTo(12 * 3);
        assertThat(rows(waits.filter("milestone = 'kursbeginn' AND cohort = 'gesamt' AND project_id IN ('EGN-01', 'EGN-12')"),
                "project_id", "cases", "events", "censored", "round(share_within_limit, 6)", "median_days",
                "round(naive_share_within_limit, 6)")).containsExactly(
                row("EGN-01", 85L, 48L, 37L, 0.542767, 49, 0.895833),
                row("EGN-12", 75L, 35L, 40L, 0.463474, 392, 0.942857));
        assertThat(rows(warehouse.read(TableCatalog.GOLD_TIME_TO_EVENT_CASES).filter("cases_without_start > 0 OR cases_outside_follow_up > 0")))
                .containsExactly(
                        row("EGN-09", 57L, 0L, 2L, 55L, "2026-06-30"),
                        row("EGN-11", 95L, 1L, 0L, 94L, "2026-10-31"));
    }
}
