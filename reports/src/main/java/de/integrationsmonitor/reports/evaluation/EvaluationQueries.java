package de.integrationsmonitor.reports.evaluation;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Reads the Modellprojekt-Evaluation of each programme from the gold marts and dimensions;
 * through {@link Warehouse#asOf} as the data stood at an earlier instant.
 */
public final class EvaluationQueries {
    private static final List<TableDef> TABLES = List.of(TableCatalog.GOLD_INDICATOR_ATTAINMENT, TableCatalog.GOLD_PROJECT_COMPLETENESS,
            TableCatalog.GOLD_INDICATOR_TREND, TableCatalog.GOLD_TIME_TO_EVENT);

    private final Warehouse warehouse;
    private final Map<String, String> milestoneIndicators;
    private final int minCount;

    /**
     * @param milestoneIndicators the delivered indicator of each computed milestone ({@code tte.indicators})
     * @param minCount the small-count threshold k ({@code disclosure.min-count})
     */
    public EvaluationQueries(Warehouse warehouse, Map<String, String> milestoneIndicators, int minCount) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.milestoneIndicators = Map.copyOf(milestoneIndicators);
        this.minCount = minCount;
    }

    /** The programmes with at least one project, by name. */
    public List<String> programs() {
        return Frames.collectSorted(warehouse.read(TableCatalog.GOLD_MODEL_PROJECTS).select("program").distinct(), "program")
                .stream().map(r -> r.getString(0)).toList();
    }

    public EvaluationData load(String program, YearMonth reportMonth, String runId, Instant generatedAt) {
        Map<String, Long> versions = warehouse.currentVersions(TABLES);
        Map<String, String> names = new HashMap<>();
        warehouse.read(TableCatalog.GOLD_ORG_UNITS).select("org_unit_id", "name").collectAsList()
                .forEach(r -> names.put(r.getString(0), r.getString(1)));
        List<EvaluationData.Project> projects = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_MODEL_PROJECTS).filter(col("program").equalTo(program)),
                "project_id")) {
            String unit = row.getAs("org_unit_id");
            projects.add(new EvaluationData.Project(row.getAs("project_id"), row.getAs("title"), names.getOrDefault(unit, unit),
                    row.getAs("target_group"), date(row.getAs("start_date")), date(row.getAs("end_date"))));
        }
        Object[] ids = projects.stream().map(EvaluationData.Project::id).toArray();
        List<EvaluationData.Period> periods = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_INDICATOR_ATTAINMENT).filter(col("project_id").isin(ids)),
                "project_id", "indicator_id", "period_start")) {
            periods.add(new EvaluationData.Period(row.getAs("project_id"), row.getAs("indicator_id"), row.getAs("period"),
                    date(row.getAs("period_start")), row.getAs("value"), row.getAs("baseline"), row.getAs("target"),
                    row.getAs("attainment"), row.getAs("status")));
        }
        List<String> used = periods.stream().map(EvaluationData.Period::indicatorId).distinct().toList();
        List<EvaluationData.Indicator> indicators = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_INDICATORS).filter(col("indicator_id").isin(used.toArray())),
                "indicator_id")) {
            indicators.add(new EvaluationData.Indicator(row.getAs("indicator_id"), row.getAs("name"), row.getAs("unit"),
                    row.getAs("direction"), row.getAs("target"), row.getAs("baseline"), row.getAs("period_type"), row.getAs("description")));
        }
        List<EvaluationData.Completeness> completeness = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_PROJECT_COMPLETENESS).filter(col("project_id").isin(ids)),
                "project_id")) {
            completeness.add(new EvaluationData.Completeness(row.getAs("project_id"), row.<Long>getAs("expected_periods"),
                    row.<Long>getAs("delivered_periods"), row.getAs("completeness"), row.getAs("missing_periods")));
        }
        List<EvaluationData.Trend> trends = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_INDICATOR_TREND).filter(col("project_id").isin(ids)),
                "project_id", "indicator_id")) {
            trends.add(new EvaluationData.Trend(row.getAs("project_id"), row.getAs("indicator_id"), row.getAs("latest_period"),
                    row.getAs("latest_value"), row.getAs("latest_status"), row.getAs("change"), row.getAs("trend")));
        }
        return new EvaluationData(program, reportMonth, projects, indicators, periods, completeness, trends, versions, runId, generatedAt,
                warehouse.asOfInstant(), waiting(ids));
    }

    /** gold.time_to_event, its curves and case counts of the projects {@code ids}; empty where the tables do not exist yet. */
    private EvaluationData.Waiting waiting(Object[] ids) {
        if (!warehouse.exists(TableCatalog.GOLD_TIME_TO_EVENT)) {
            return new EvaluationData.Waiting(List.of(), List.of(), List.of(), milestoneIndicators, minCount);
        }
        List<EvaluationData.Wait> waits = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_TIME_TO_EVENT).filter(col("project_id").isin(ids)),
                "project_id", "milestone", "cohort")) {
            waits.add(new EvaluationData.Wait(row.getAs("project_id"), row.getAs("milestone"), row.getAs("cohort"), row.<Long>getAs("cases"),
                    row.<Long>getAs("events"), row.<Long>getAs("censored"), row.<Double>getAs("share_within_limit"),
                    row.getAs("share_lower_95"), row.getAs("share_upper_95"), row.getAs("median_days"),
                    row.getAs("naive_share_within_limit"), row.<Integer>getAs("limit_days")));
        }
        List<EvaluationData.WaitStep> steps = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_TIME_TO_EVENT_CURVE).filter(col("project_id").isin(ids)
                .and(col("cohort").equalTo(de.integrationsmonitor.pipelines.gold.marts.TimeToEvent.TOTAL))), "project_id", "milestone", "day")) {
            steps.add(new EvaluationData.WaitStep(row.getAs("project_id"), row.getAs("milestone"), row.getAs("cohort"), row.<Integer>getAs("day"),
                    row.<Long>getAs("at_risk"), row.<Long>getAs("events"), row.<Long>getAs("censored"), row.<Double>getAs("share_reached"),
                    row.getAs("share_lower_95"), row.getAs("share_upper_95")));
        }
        List<EvaluationData.CaseCount> cases = new ArrayList<>();
        for (Row row : Frames.collectSorted(warehouse.read(TableCatalog.GOLD_TIME_TO_EVENT_CASES).filter(col("project_id").isin(ids)),
                "project_id")) {
            cases.add(new EvaluationData.CaseCount(row.getAs("project_id"), row.<Long>getAs("cases_delivered"),
                    row.<Long>getAs("cases_without_start"), row.<Long>getAs("cases_outside_follow_up"), row.<Long>getAs("cases_counted"),
                    date(row.getAs("follow_up_end"))));
        }
        return new EvaluationData.Waiting(waits, steps, cases, milestoneIndicators, minCount);
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
