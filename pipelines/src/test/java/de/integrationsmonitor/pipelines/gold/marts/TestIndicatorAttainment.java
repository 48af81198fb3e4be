package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed, report month October 2026. Indicators: UP (höher ist besser, monthly, baseline 0.25,
 * target 0.75), DOWN (niedriger ist besser, monthly, 42 → 14), EQ (quarterly, target = baseline = 10),
 * NT (yearly, no target). P1 runs from 15.07.2026 to 2027 (so up to October); P2 from 01.02.2026 to
 * 30.04.2026, ending before the report month. Values outside a project's span are left out.
 */
@SparkTest
class TestIndicatorAttainment {
    private static Dataset<Row> attainment;
    private static Dataset<Row> indicators;

    @BeforeAll
    static void compute(SparkSession spark) {
        Dataset<Row> projects = spark.createDataFrame(List.of(
                project("P1", "2026-07-15", "2027-12-31"), project("P2", "2026-02-01", "2026-04-30")),
                TableCatalog.SILVER_PROJECTS.schema());
        indicators = spark.createDataFrame(List.of(
                indicator("UP", "höher ist besser", 0.75, 0.25, "Monat"),
                indicator("DOWN", "niedriger ist besser", 14.0, 42.0, "Monat"),
                indicator("EQ", "höher ist besser", 10.0, 10.0, "Quartal"),
                indicator("NT", "höher ist besser", null, null, "Jahr"),
                indicator("DEC", "höher ist besser", 0.9, 0.5, "Jahr")),
                TableCatalog.SILVER_INDICATORS.schema());
        Dataset<Row> values = spark.createDataFrame(List.of(
                value("P1", "UP", "2026-06", 0.9, null),        // before Beginn: left out
                value("P1", "UP", "2026-07", 0.25, null),
                value("P1", "UP", "2026-08", 0.5, null),
                value("P1", "UP", "2026-10", 0.875, null),
                value("P1", "UP", "2026-11", 0.9, null),        // after the report month: left out
                value("P1", "DOWN", "2026-08", 28.0, null),
                value("P1", "DOWN", "2026-09", 49.0, null),
                value("P1", "DOWN", "2026-10", 21.0, 21.0),     // per-row target override
                value("P1", "EQ", "2026-Q3", 12.0, null),
                value("P1", "EQ", "2026-Q4", 9.0, null),
                value("P1", "NT", "2026", 5.0, null),
                value("P2", "UP", "2026-03", 0.375, null),
                value("P2", "UP", "2026-05", 0.8, null),        // after Ende: left out
                value("P2", "EQ", "2026-Q2", 10.0, null),
                value("P2", "DEC", "2026", 0.7, null)),         // (0,7 − 0,5) / (0,9 − 0,5) is exactly 0,5
                TableCatalog.SILVER_INDICATOR_VALUES.schema());
        attainment = IndicatorAttainment.attainment(projects, indicators, values, YearMonth.of(2026, 10)).cache();
    }

    @Test
    void everyPeriodOfTheSpanWithTargetAttainmentAndStatus() {
        assertThat(rows(attainment, "project_id", "indicator_id", "period", "value", "target", "attainment", "status")).containsExactly(
                row("P1", "DOWN", "2026-07", null, 14.0, null, "keine Daten"),
                row("P1", "DOWN", "2026-08", 28.0, 14.0, 0.5, "auf Kurs"),        // (28 − 42) / (14 − 42)
                row("P1", "DOWN", "2026-09", 49.0, 14.0, -0.25, "verfehlt"),
                row("P1", "DOWN", "2026-10", 21.0, 21.0, 1.0, "erreicht"),        // the row's target 21
                row("P1", "EQ", "2026-Q3", 12.0, 10.0, null, "erreicht"),         // target = baseline: at or above it
                row("P1", "EQ", "2026-Q4", 9.0, 10.0, null, "verfehlt"),          // partly elapsed quarter included
                row("P1", "NT", "2026", 5.0, null, null, "ohne Ziel"),
                row("P1", "UP", "2026-07", 0.25, 0.75, 0.0, "gefährdet"),         // the month holding Beginn 15.07.
                row("P1", "UP", "2026-08", 0.5, 0.75, 0.5, "auf Kurs"),
                row("P1", "UP", "2026-09", null, 0.75, null, "keine Daten"),
                row("P1", "UP", "2026-10", 0.875, 0.75, 1.25, "erreicht"),
                row("P2", "DEC", "2026", 0.7, 0.9, 0.5, "auf Kurs"),             // decimal, not 0.4999999999999999
                row("P2", "EQ", "2026-Q1", null, 10.0, null, "keine Daten"),      // quarters from monthly project dates
                row("P2", "EQ", "2026-Q2", 10.0, 10.0, null, "erreicht"),
                row("P2", "UP", "2026-02", null, 0.75, null, "keine Daten"),
                row("P2", "UP", "2026-03", 0.375, 0.75, 0.25, "gefährdet"),
                row("P2", "UP", "2026-04", null, 0.75, null, "keine Daten"));    // P2 ends 30.04.: no later month
        assertThat(Arrays.asList(attainment.columns()))
                .containsExactlyElementsOf(Arrays.asList(TableCatalog.GOLD_INDICATOR_ATTAINMENT.schema().fieldNames()));
    }

    @Test
    void completenessCountsExpectedAndDeliveredPeriods() {
        assertThat(rows(IndicatorAttainment.completeness(attainment))).containsExactly(
                row("P1", 11L, 9L, 9.0 / 11, "DOWN 2026-07, UP 2026-09"),
                row("P2", 6L, 3L, 0.5, "EQ 2026-Q1, UP 2026-02, UP 2026-04"));
    }

    @Test
    void trendReadsTheLastFourPeriodsInTheIndicatorsDirection() {
        assertThat(rows(IndicatorAttainment.trend(attainment, indicators))).containsExactly(
                // 28, 49, 21 in Aug–Oct: falling, and lower is better
                row("P1", "DOWN", "2026-10", 21.0, "erreicht", 49.0, -28.0, "verbessert"),
                row("P1", "EQ", "2026-Q4", 9.0, "verfehlt", 12.0, -3.0, "verschlechtert"),
                row("P1", "NT", "2026", 5.0, "ohne Ziel", null, null, "keine Daten"),
                // September has no value: no change, but the trend of 0.25, 0.5, 0.875 rises
                row("P1", "UP", "2026-10", 0.875, "erreicht", null, null, "verbessert"),
                row("P2", "DEC", "2026", 0.7, "auf Kurs", null, null, "keine Daten"),
                row("P2", "EQ", "2026-Q2", 10.0, "erreicht", null, null, "keine Daten"),
                row("P2", "UP", "2026-03", 0.375, "gefährdet", null, null, "keine Daten"));
    }

    private static Row project(String id, String start, String end) {
        return RowFactory.create(id, "Einwanderung gestalten NRW", "05562", "Projekt " + id, null, Date.valueOf(start),
                Date.valueOf(end), "p.csv", 2);
    }

    private static Row indicator(String id, String direction, Double target, Double baseline, String periodType) {
        return RowFactory.create(id, "Indikator " + id, "Anzahl", direction, target, baseline, periodType, null, "i.csv", 2);
    }

    private static Row value(String project, String indicator, String period, double value, Double target) {
        return RowFactory.create(project, indicator, period, value, target, null, "v.csv", 2);
    }
}
