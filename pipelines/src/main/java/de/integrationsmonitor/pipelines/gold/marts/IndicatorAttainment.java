package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.contract.AttainmentStatus;
import de.integrationsmonitor.pipelines.contract.Period;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.indicator_attainment} and the completeness and trend marts of the model-project
 * evaluation, following the data contract: for every indicator a project reports at least once,
 * every period of the indicator's period type overlapping the span from the project's Beginn to its
 * Ende or the end of the report month, whichever is earlier (a period without a value: status
 * "keine Daten"); baseline and target (a value row's target overrides the indicator's); attainment =
 * (value − baseline) / (target − baseline); status from attainment, with the contract's rules for
 * target = baseline and for a missing target or baseline ("ohne Ziel").
 */
public final class IndicatorAttainment {
    private static final String REACHED = AttainmentStatus.REACHED.label();
    private static final String ON_TRACK = AttainmentStatus.ON_TRACK.label();
    private static final String AT_RISK = AttainmentStatus.AT_RISK.label();
    private static final String MISSED = AttainmentStatus.MISSED.label();
    private static final String NO_DATA = AttainmentStatus.NO_DATA.label();
    private static final String NO_TARGET = AttainmentStatus.NO_TARGET.label();

    private IndicatorAttainment() {}

    /**
     * @param projects silver.model_projects__projects
     * @param indicators silver.model_projects__indicators (period_type Monat, Quartal or Jahr)
     * @param values silver.model_projects__values
     */
    public static Dataset<Row> attainment(Dataset<Row> projects, Dataset<Row> indicators, Dataset<Row> values, YearMonth reportMonth) {
        String reportMonthEnd = reportMonth.atEndOfMonth().toString();
        Dataset<Row> reported = values.select("project_id", "indicator_id").distinct();
        Dataset<Row> pairs = Frames.joinOn(Frames.joinOn(reported, projects.select("project_id", "start_date", "end_date"),
                "inner", "project_id"), indicators.select("indicator_id", "period_type", "direction", "target", "baseline"),
                "inner", "indicator_id");
        // Without a Beginn the span starts with the earliest reported period.
        Dataset<Row> firstReported = values.groupBy("project_id", "indicator_id").agg(expr("min(" + Period.startSql("period") + ")")
                .as("first_reported"));
        Dataset<Row> spans = Frames.joinOn(pairs, firstReported, "inner", "project_id", "indicator_id")
                .withColumn("span_start", expr("coalesce(start_date, first_reported)"))
                .withColumn("span_end", expr("least(coalesce(end_date, DATE'" + reportMonthEnd + "'), DATE'" + reportMonthEnd + "')"))
                .filter("span_start <= span_end");
        Dataset<Row> periods = spans.withColumn("period_start", expr("explode(sequence("
                        + "trunc(span_start, CASE period_type WHEN 'Monat' THEN 'MM' WHEN 'Quartal' THEN 'quarter' ELSE 'year' END), "
                        + "span_end, "
                        + "CASE period_type WHEN 'Monat' THEN INTERVAL 1 MONTH WHEN 'Quartal' THEN INTERVAL 3 MONTH "
                        + "ELSE INTERVAL 12 MONTH END))"))
                .withColumn("period", expr("CASE period_type WHEN 'Monat' THEN date_format(period_start, 'yyyy-MM') "
                        + "WHEN 'Quartal' THEN concat(year(period_start), '-Q', quarter(period_start)) "
                        + "ELSE cast(year(period_start) AS STRING) END"));
        Dataset<Row> rows = Frames.joinOn(periods, values.select(col("project_id"), col("indicator_id"), col("period"),
                col("value"), col("target").as("row_target")), "left", "project_id", "indicator_id", "period");
        // Decimal arithmetic: the delivered numbers are decimals ("0,7"), and 0,7 between 0,5 and 0,9 must be
        // exactly half-way (in binary floating point it is 0.4999999999999999, one status lower).
        return rows
                .withColumn("target", expr("coalesce(row_target, target)"))
                .withColumn("_v", expr("cast(value AS DECIMAL(20,10))"))
                .withColumn("_t", expr("cast(target AS DECIMAL(20,10))"))
                .withColumn("_b", expr("cast(baseline AS DECIMAL(20,10))"))
                .withColumn("_a", expr("CASE WHEN _v IS NULL OR _t IS NULL OR _b IS NULL OR _t = _b "
                        + "THEN NULL ELSE (_v - _b) / (_t - _b) END"))
                .withColumn("attainment", expr("cast(_a AS DOUBLE)"))
                .withColumn("status", expr("CASE WHEN _v IS NULL THEN '" + NO_DATA + "' "
                        + "WHEN _t IS NULL OR _b IS NULL THEN '" + NO_TARGET + "' "
                        + "WHEN _t = _b THEN CASE WHEN (direction = 'niedriger ist besser' AND _v <= _t) "
                        + "OR (direction <> 'niedriger ist besser' AND _v >= _t) THEN '" + REACHED + "' ELSE '" + MISSED + "' END "
                        + "WHEN _a >= 1 THEN '" + REACHED + "' WHEN _a >= 0.5 THEN '" + ON_TRACK + "' "
                        + "WHEN _a >= 0 THEN '" + AT_RISK + "' ELSE '" + MISSED + "' END"))
                .select("project_id", "indicator_id", "period", "value", "baseline", "target", "attainment", "status",
                        "period_type", "period_start");
    }

    /** Per project: periods expected over all its reported indicators, periods delivered, their share, the missing ones. */
    public static Dataset<Row> completeness(Dataset<Row> attainment) {
        return attainment.groupBy("project_id").agg(
                        expr("count(*)").as("expected_periods"),
                        expr("count(value)").as("delivered_periods"),
                        expr("concat_ws(', ', sort_array(collect_list(CASE WHEN value IS NULL THEN concat(indicator_id, ' ', period) END)))")
                                .as("missing_periods"))
                .withColumn("completeness", expr("delivered_periods / expected_periods"))
                .select("project_id", "expected_periods", "delivered_periods", "completeness", "missing_periods");
    }

    /**
     * Per project and indicator: the latest period with a value, its value and status, the change
     * since the previous period (null where that period has no value), and the trend over the last
     * four periods up to the latest value (least-squares slope of the values present, read in the
     * indicator's direction): verbessert, verschlechtert, unverändert, or keine Daten with fewer than
     * two values.
     */
    public static Dataset<Row> trend(Dataset<Row> attainment, Dataset<Row> indicators) {
        Dataset<Row> ordered = attainment.withColumn("period_index",
                expr("row_number() OVER (PARTITION BY project_id, indicator_id ORDER BY period_start)"));
        Dataset<Row> latest = ordered.filter("value IS NOT NULL").groupBy("project_id", "indicator_id")
                .agg(expr("max(period_index)").as("latest_index"));
        Dataset<Row> withLatest = Frames.joinOn(ordered, latest, "inner", "project_id", "indicator_id");
        Dataset<Row> window = withLatest.filter("period_index BETWEEN latest_index - 3 AND latest_index");
        Dataset<Row> summary = window.groupBy("project_id", "indicator_id").agg(
                expr("max_by(period, period_index)").as("latest_period"),
                expr("max_by(value, period_index)").as("latest_value"),
                expr("max_by(status, period_index)").as("latest_status"),
                expr("max(CASE WHEN period_index = latest_index - 1 THEN value END)").as("previous_value"),
                expr("count(value)").as("values_in_window"),
                expr("regr_slope(value, period_index)").as("slope"));
        Dataset<Row> directed = Frames.joinOn(summary, indicators.select("indicator_id", "direction"), "inner", "indicator_id");
        return directed
                .withColumn("change", expr("latest_value - previous_value"))
                .withColumn("trend", expr("CASE WHEN values_in_window < 2 OR slope IS NULL THEN '" + NO_DATA + "' "
                        + "WHEN abs(slope) < 1e-9 THEN 'unverändert' "
                        + "WHEN (slope > 0) = (direction <> 'niedriger ist besser') THEN 'verbessert' ELSE 'verschlechtert' END"))
                .select("project_id", "indicator_id", "latest_period", "latest_value", "latest_status", "previous_value", "change",
                        "trend");
    }
}
