package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
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
 * gold.time_to_event by hand, run month October 2026 (follow-up to 31.10.2026), limit 56 days.
 * <p>
 * P1 (Ende 2027): A, B Zuzug 01.07., C 11.07., Kursbeginn 20 days later each (a tie of three); D Zuzug 05.09., no course
 * (censored at 31.10.: day 56); E Zuzug 01.10., course on 02.11. (after the run month: censored on day 30); F Zuzug
 * 01.04., course 15.06. (day 75); G Zuzug 01.08., course 26.09. (day 56: within the limit); J Zuzug 01.05., its course
 * before Zuzug was quarantined (censored on day 183); H has an Erstberatung but no Zuzug; I arrives 03.11. (after the
 * run month). A has its Erstberatung on the day of Zuzug (day 0).
 * Kursbeginn, gesamt: S(20) = 5/8, S(56) = 5/8 · 3/4 = 0.46875 → share 0.53125, median 56, naive 4 of 5 = 0.8.
 * Cohort 2026-Q3 (A, B, C, D, G): S(20) = 2/5, S(56) = 2/5 · 1/2 → share 0.8, median 20, naive 1.0.
 * <p>
 * P2 (Ende 30.06.2026): its "A" (another person than P1's A) arrives 01.06., course 15.07. after Ende (censored on day
 * 29); M arrives 01.12.2023 before Beginn (kept), course on day 56; L arrives after Ende (left out). S(56) = 0: share 1,
 * no interval. P3 has no cases: no rows.
 */
@SparkTest
class TestTimeToEvent {
    private static TimeToEvent.Tables tables;

    @BeforeAll
    static void compute(SparkSession spark) {
        Dataset<Row> projects = spark.createDataFrame(List.of(project("P1", "2026-01-01", "2027-12-31"),
                project("P2", "2024-01-01", "2026-06-30"), project("P3", "2024-01-01", "2027-12-31")), TableCatalog.SILVER_PROJECTS.schema());
        Dataset<Row> events = spark.createDataFrame(List.of(
                event("A", "P1", "zuzug", "2026-07-01"), event("A", "P1", "kursbeginn", "2026-07-21"),
                event("A", "P1", "erstberatung", "2026-07-01"),
                event("B", "P1", "zuzug", "2026-07-01"), event("B", "P1", "kursbeginn", "2026-07-21"),
                event("C", "P1", "zuzug", "2026-07-11"), event("C", "P1", "kursbeginn", "2026-07-31"),
                event("D", "P1", "zuzug", "2026-09-05"), event("D", "P1", "kursanmeldung", "2026-09-20"),
                event("E", "P1", "zuzug", "2026-10-01"), event("E", "P1", "kursbeginn", "2026-11-02"),
                event("F", "P1", "zuzug", "2026-04-01"), event("F", "P1", "kursbeginn", "2026-06-15"),
                event("G", "P1", "zuzug", "2026-08-01"), event("G", "P1", "kursbeginn", "2026-09-26"),
                event("J", "P1", "zuzug", "2026-05-01"),
                event("H", "P1", "erstberatung", "2026-08-01"),
                event("I", "P1", "zuzug", "2026-11-03"),
                event("A", "P2", "zuzug", "2026-06-01"), event("A", "P2", "kursbeginn", "2026-07-15"),
                event("L", "P2", "zuzug", "2026-07-05"),
                event("M", "P2", "zuzug", "2023-12-01"), event("M", "P2", "kursbeginn", "2024-01-26")),
                TableCatalog.SILVER_CASE_EVENTS.schema());
        tables = TimeToEvent.of(spark, projects, events, YearMonth.of(2026, 10), 56);
    }

    @Test
    void countsPerProjectMilestoneAndCohort() {
        assertThat(rows(tables.summary(), "project_id", "milestone", "cohort", "cases", "events", "censored", "median_days",
                "naive_share_within_limit", "limit_days")).containsExactly(
                row("P1", "arbeitsaufnahme", "2026-Q2", 2L, 0L, 2L, null, null, 56),
                row("P1", "arbeitsaufnahme", "2026-Q3", 5L, 0L, 5L, null, null, 56),
                row("P1", "arbeitsaufnahme", "2026-Q4", 1L, 0L, 1L, null, null, 56),
                row("P1", "arbeitsaufnahme", "gesamt", 8L, 0L, 8L, null, null, 56),
                row("P1", "erstberatung", "2026-Q2", 2L, 0L, 2L, null, null, 56),
                row("P1", "erstberatung", "2026-Q3", 5L, 1L, 4L, null, 1.0, 56),
                row("P1", "erstberatung", "2026-Q4", 1L, 0L, 1L, null, null, 56),
                row("P1", "erstberatung", "gesamt", 8L, 1L, 7L, null, 1.0, 56),
                row("P1", "kursbeginn", "2026-Q2", 2L, 1L, 1L, 75, 0.0, 56),
                row("P1", "kursbeginn", "2026-Q3", 5L, 4L, 1L, 20, 1.0, 56),
                row("P1", "kursbeginn", "2026-Q4", 1L, 0L, 1L, null, null, 56),
                row("P1", "kursbeginn", "gesamt", 8L, 5L, 3L, 56, 0.8, 56),
                row("P2", "arbeitsaufnahme", "2023-Q4", 1L, 0L, 1L, null, null, 56),
                row("P2", "arbeitsaufnahme", "2026-Q2", 1L, 0L, 1L, null, null, 56),
                row("P2", "arbeitsaufnahme", "gesamt", 2L, 0L, 2L, null, null, 56),
                row("P2", "erstberatung", "2023-Q4", 1L, 0L, 1L, null, null, 56),
                row("P2", "erstberatung", "2026-Q2", 1L, 0L, 1L, null, null, 56),
                row("P2", "erstberatung", "gesamt", 2L, 0L, 2L, null, null, 56),
                row("P2", "kursbeginn", "2023-Q4", 1L, 1L, 0L, 56, 1.0, 56),
                row("P2", "kursbeginn", "2026-Q2", 1L, 0L, 1L, null, null, 56),
                row("P2", "kursbeginn", "gesamt", 2L, 1L, 1L, 56, 1.0, 56));
        assertThat(Arrays.asList(tables.summary().columns()))
                .containsExactlyElementsOf(Arrays.asList(TableCatalog.GOLD_TIME_TO_EVENT.schema().fieldNames()));
    }

    @Test
    void sharesAndIntervals() {
        Row total = one("P1", "kursbeginn", "gesamt");
        assertThat(total.<Double>getAs("share_within_limit")).isCloseTo(0.53125, within(1e-12));
        // V = 3/(8·5) + 1/(4·3); log-log: 1 − 0.46875^exp(±1.96·√V / ln 0.46875)
        assertThat(total.<Double>getAs("share_lower_95")).isCloseTo(0.237140, within(1e-6));
        assertThat(total.<Double>getAs("share_upper_95")).isCloseTo(0.880076, within(1e-6));
        Row q3 = one("P1", "kursbeginn", "2026-Q3");
        assertThat(q3.<Double>getAs("share_within_limit")).isCloseTo(0.8, within(1e-12));
        assertThat(q3.<Double>getAs("share_lower_95")).isCloseTo(0.418141, within(1e-6));
        assertThat(q3.<Double>getAs("share_upper_95")).isCloseTo(0.991632, within(1e-6));
        Row first = one("P1", "erstberatung", "gesamt"); // day 0: 1 of 8
        assertThat(first.<Double>getAs("share_within_limit")).isCloseTo(0.125, within(1e-12));
        Row none = one("P1", "arbeitsaufnahme", "gesamt");
        assertThat(none.<Double>getAs("share_within_limit")).isZero();
        assertThat(none.isNullAt(none.fieldIndex("share_lower_95"))).isTrue();
        Row all = one("P2", "kursbeginn", "gesamt"); // S(56) = 0
        assertThat(all.<Double>getAs("share_within_limit")).isEqualTo(1.0);
        assertThat(all.isNullAt(all.fieldIndex("share_upper_95"))).isTrue();
    }

    @Test
    void curveHasOneRowPerDayWithAnEventOrACensoring() {
        assertThat(rows(tables.curves().filter("project_id = 'P1' AND milestone = 'kursbeginn' AND cohort = 'gesamt'"),
                "day", "at_risk", "events", "censored", "share_reached")).containsExactly(
                row(20, 8L, 3L, 0L, 0.375),
                row(30, 5L, 0L, 1L, 0.375),
                row(56, 4L, 1L, 1L, 0.53125),
                row(75, 2L, 1L, 0L, 0.765625),
                row(183, 1L, 0L, 1L, 0.765625));
    }

    @Test
    void casesWithoutZuzugAndOutsideTheFollowUpAreCountedNotEstimated() {
        assertThat(rows(tables.cases())).containsExactly(
                row("P1", 10L, 1L, 1L, 8L, "2026-10-31"),
                row("P2", 3L, 0L, 1L, 2L, "2026-06-30"));
        assertThat(tables.withoutStart()).isEqualTo(Map.of("P1", 1L));
        assertThat(tables.casesCounted()).isEqualTo(10);
        assertThat(tables.projects()).isEqualTo(2);
    }

    /** A delivery without model-projects/case_events.csv: the three tables are empty, the run output names no cases. */
    @Test
    void withoutCaseEventsEveryTableIsEmpty(SparkSession spark) {
        TimeToEvent.Tables none = TimeToEvent.of(spark, spark.createDataFrame(List.of(project("P1", "2026-01-01", "2027-12-31")),
                TableCatalog.SILVER_PROJECTS.schema()), spark.createDataFrame(List.of(), TableCatalog.SILVER_CASE_EVENTS.schema()),
                YearMonth.of(2026, 10), 56);
        assertThat(none.summary().count() + none.curves().count() + none.cases().count()).isZero();
        assertThat(none.withoutStart()).isEmpty();
        assertThat(none.projects()).isZero();
    }

    private static Row one(String project, String milestone, String cohort) {
        List<Row> found = tables.summary().filter("project_id = '" + project + "' AND milestone = '" + milestone + "' AND cohort = '"
                + cohort + "'").collectAsList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Row project(String id, String start, String end) {
        return RowFactory.create(id, "Einwanderung gestalten NRW", "05562", "Projekt " + id, null, Date.valueOf(start),
                Date.valueOf(end), "p.csv", 2);
    }

    private static Row event(String caseId, String project, String milestone, String date) {
        return RowFactory.create(caseId, project, milestone, Date.valueOf(date), "model-projects/case_events.csv", 2);
    }
}
