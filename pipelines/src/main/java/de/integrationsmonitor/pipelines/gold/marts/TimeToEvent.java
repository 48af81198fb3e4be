package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.contract.Milestone;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code gold.time_to_event} as the data contract defines it, with the curves behind it and the case counts per project.
 * <p>
 * Spark reduces the case milestones to anonymous tallies (project, milestone, cohort, day: events, censorings); no
 * Fall-ID leaves this query. The product-limit estimate runs on the driver over those tallies ({@link KaplanMeier}):
 * a few thousand rows for a programme, one Spark job for them and one for the case counts.
 * <ul>
 * <li>Cases: every (Fall-ID, project) with a valid Zuzug on or before the follow-up end, the project's Ende or the end
 *     of the run month, whichever is earlier (a Zuzug before Beginn is kept). Without a Zuzug: "ohne Zuzug", left out.</li>
 * <li>T: days from Zuzug to the milestone (0 allowed) if it is on or before the follow-up end, else censored at the
 *     follow-up end. A milestone quarantined as event_before_start is not in silver: not reached.</li>
 * <li>Cohorts: {@value #TOTAL} and the quarter of Zuzug ({@code 2026-Q3}).</li>
 * </ul>
 */
public final class TimeToEvent {
    /** The cohort of all cases. */
    public static final String TOTAL = "gesamt";

    private TimeToEvent() {}

    /** The three tables, and per project the cases without a Zuzug (only projects with any). */
    public record Tables(Dataset<Row> summary, Dataset<Row> curves, Dataset<Row> cases, Map<String, Long> withoutStart,
                         long casesCounted, int projects) {}

    /**
     * @param projects silver.model_projects__projects
     * @param caseEvents silver.model_projects__case_events
     */
    public static Tables of(SparkSession spark, Dataset<Row> projects, Dataset<Row> caseEvents, YearMonth runMonth, int limitDays) {
        String monthEnd = "DATE'" + runMonth.atEndOfMonth() + "'";
        Dataset<Row> cases = caseEvents.groupBy("project_id", "case_id")
                .agg(expr("min(CASE WHEN milestone = '" + Milestone.ZUZUG.code() + "' THEN event_date END)").as("zuzug"))
                .join(projects.select("project_id", "end_date"), "project_id")
                .withColumn("follow_up_end", expr("least(coalesce(end_date, " + monthEnd + "), " + monthEnd + ")"))
                .withColumn("status", expr("CASE WHEN zuzug IS NULL THEN 'without_start' WHEN zuzug > follow_up_end THEN 'outside' "
                        + "ELSE 'counted' END"))
                .persist(); // read by both collects below; the case milestones are small (M: 42,092 rows, 11,114 cases)
        Dataset<Row> counts = cases.groupBy("project_id").agg(
                expr("count(*)").as("cases_delivered"),
                expr("count_if(status = 'without_start')").as("cases_without_start"),
                expr("count_if(status = 'outside')").as("cases_outside_follow_up"),
                expr("count_if(status = 'counted')").as("cases_counted"),
                expr("max(follow_up_end)").as("follow_up_end"));
        String measured = Milestone.measured().stream().map(m -> "'" + m.code() + "'").collect(Collectors.joining(", "));
        Dataset<Row> times = Frames.joinOn(cases.filter("status = 'counted'").withColumn("milestone", expr("explode(array(" + measured + "))")),
                        caseEvents.select(col("project_id"), col("case_id"), col("milestone"), col("event_date").as("reached_on")),
                        "left", "project_id", "case_id", "milestone")
                .withColumn("reached", expr("coalesce(reached_on <= follow_up_end, false)"))
                .withColumn("day", expr("datediff(CASE WHEN reached THEN reached_on ELSE follow_up_end END, zuzug)"))
                .withColumn("cohort", expr("concat(year(zuzug), '-Q', quarter(zuzug))"));
        Dataset<Row> tallies = times.groupBy("project_id", "milestone", "cohort", "day").agg(
                expr("count_if(reached)").as("events"), expr("count_if(NOT reached)").as("censored"));

        Map<List<String>, List<KaplanMeier.Tally>> byGroup = new TreeMap<>(java.util.Comparator.comparing(k -> String.join("\u0000", k)));
        // no sort in Spark: the groups are a sorted map and KaplanMeier orders the days itself
        for (Row row : tallies.collectAsList()) {
            KaplanMeier.Tally tally = new KaplanMeier.Tally(row.getInt(3), row.getLong(4), row.getLong(5));
            byGroup.computeIfAbsent(List.of(row.getString(0), row.getString(1), row.getString(2)), k -> new ArrayList<>()).add(tally);
            byGroup.computeIfAbsent(List.of(row.getString(0), row.getString(1), TOTAL), k -> new ArrayList<>()).add(tally);
        }
        List<Row> summary = new ArrayList<>();
        List<Row> curves = new ArrayList<>();
        byGroup.forEach((key, group) -> {
            KaplanMeier estimate = KaplanMeier.of(group);
            summary.add(summaryRow(key, estimate, limitDays));
            for (KaplanMeier.Step step : estimate.steps()) {
                double[] interval = step.shareInterval();
                curves.add(RowFactory.create(key.get(0), key.get(1), key.get(2), step.day(), step.atRisk(), step.events(),
                        step.censored(), step.share(), interval == null ? null : interval[0], interval == null ? null : interval[1]));
            }
        });

        Map<String, Long> withoutStart = new LinkedHashMap<>();
        List<Row> caseRows = new ArrayList<>(counts.select("project_id", "cases_delivered", "cases_without_start",
                "cases_outside_follow_up", "cases_counted", "follow_up_end").collectAsList());
        cases.unpersist();
        caseRows.sort(java.util.Comparator.comparing(row -> row.getString(0)));
        long counted = 0;
        int withCases = 0;
        for (Row row : caseRows) {
            if (row.getLong(2) > 0) {
                withoutStart.put(row.getString(0), row.getLong(2));
            }
            counted += row.getLong(4);
            withCases += row.getLong(4) > 0 ? 1 : 0;
        }
        return new Tables(spark.createDataFrame(summary, TableCatalog.GOLD_TIME_TO_EVENT.schema()),
                spark.createDataFrame(curves, TableCatalog.GOLD_TIME_TO_EVENT_CURVE.schema()),
                spark.createDataFrame(caseRows, TableCatalog.GOLD_TIME_TO_EVENT_CASES.schema()), withoutStart, counted, withCases);
    }

    private static Row summaryRow(List<String> key, KaplanMeier estimate, int limitDays) {
        double[] interval = estimate.shareIntervalWithin(limitDays);
        return RowFactory.create(key.get(0), key.get(1), key.get(2), estimate.cases(), estimate.events(), estimate.censored(),
                estimate.shareWithin(limitDays), interval == null ? null : interval[0], interval == null ? null : interval[1],
                estimate.medianDays(), estimate.naiveShareWithin(limitDays), limitDays);
    }
}
