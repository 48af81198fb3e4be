package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.date;
import static de.integrationsmonitor.pipelines.silver.Sql.decimal;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.contract.Milestone;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.silver.SilverRefinement.Refined;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Model projects, indicator definitions and indicator values (model-projects/*.csv). Pure functions of bronze
 * frames; {@link SilverJob} reads and writes.
 */
final class ModelProjectRefinement {
    Refined projects(Dataset<Row> bronze, OrgUnits orgUnits) {
        String units = mapLiteral(orgUnits.anyByName());
        Dataset<Row> withUnit = bronze.withColumn("_org_unit_id", expr("coalesce(try_element_at(" + units + ", lower("
                + text("org_unit") + ")), CASE WHEN array_contains(" + ReferenceRefinement.idSet(orgUnits) + ", " + text("org_unit") + ") THEN "
                + text("org_unit") + " END)"));
        Validation.Result result = Validation.validate(withUnit, List.of(
                Check.missing("project_id", "Projekt-ID"),
                Check.missing("program", "Programm"),
                Check.missing("org_unit", "Org-Einheit"),
                Check.missing("title", "Titel"),
                Check.badDate("start_date", "Beginn"),
                Check.badDate("end_date", "Ende"),
                new Check(Reason.UNKNOWN_ORG_UNIT, "Org-Einheit", "_org_unit_id IS NULL", Sql.col("org_unit"))),
                Validation.Key.of("Projekt-ID", text("project_id"), text("project_id")));
        Dataset<Row> silver = result.accepted().selectExpr(text("project_id") + " AS project_id", text("program") + " AS program",
                "_org_unit_id AS org_unit_id", text("title") + " AS title", text("target_group") + " AS target_group",
                date("start_date") + " AS start_date", date("end_date") + " AS end_date",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_PROJECTS, silver), result.rejected());
    }

    Refined indicators(Dataset<Row> bronze) {
        Validation.Result result = Validation.validate(bronze, List.of(
                Check.missing("indicator_id", "Indikator-ID"),
                Check.missing("name", "Name"),
                Check.missing("unit", "Einheit"),
                Check.missing("direction", "Richtung"),
                Check.missing("period_type", "Periodentyp"),
                Check.badNumber("target", "Zielwert"),
                Check.badNumber("baseline", "Basiswert"),
                new Check(Reason.UNKNOWN_LABEL, "Einheit", "NOT array_contains(array('anteil', 'anzahl', 'tage'), lower(" + text("unit") + "))", Sql.col("unit")),
                new Check(Reason.UNKNOWN_LABEL, "Richtung", "NOT array_contains(array('höher ist besser', 'niedriger ist besser'), lower(" + text("direction") + "))", Sql.col("direction")),
                new Check(Reason.UNKNOWN_LABEL, "Periodentyp", "NOT array_contains(array('monat', 'quartal', 'jahr'), lower(" + text("period_type") + "))", Sql.col("period_type"))),
                Validation.Key.of("Indikator-ID", text("indicator_id"), text("indicator_id")));
        Dataset<Row> silver = result.accepted().selectExpr(text("indicator_id") + " AS indicator_id", text("name") + " AS name",
                "initcap(lower(" + text("unit") + ")) AS unit", "lower(" + text("direction") + ") AS direction",
                "cast(" + decimal("target") + " AS DOUBLE) AS target", "cast(" + decimal("baseline") + " AS DOUBLE) AS baseline",
                "initcap(lower(" + text("period_type") + ")) AS period_type", text("description") + " AS description",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_INDICATORS, silver), result.rejected());
    }

    Refined indicatorValues(Dataset<Row> bronze, Dataset<Row> silverProjects, Dataset<Row> silverIndicators) {
        Dataset<Row> withRefs = bronze
                .join(silverProjects.select(col("project_id").as("_known_project_id")).distinct(),
                        expr(text("project_id") + " = _known_project_id"), "left")
                .join(silverIndicators.select(col("indicator_id").as("_known_indicator_id"), col("period_type").as("_period_type")),
                        expr(text("indicator_id") + " = _known_indicator_id"), "left")
                .withColumn("_period", expr("upper(" + text("period") + ")"));
        String periodPattern = "CASE _period_type WHEN 'Monat' THEN '^[0-9]{4}-(0[1-9]|1[0-2])$' WHEN 'Quartal' THEN '^[0-9]{4}-Q[1-4]$' "
                + "WHEN 'Jahr' THEN '^[0-9]{4}$' END";
        Validation.Result result = Validation.validate(withRefs, List.of(
                Check.missing("project_id", "Projekt-ID"),
                Check.missing("indicator_id", "Indikator-ID"),
                Check.missing("period", "Periode"),
                Check.missing("value", "Wert"),
                Check.badNumber("value", "Wert"),
                Check.badNumber("target", "Zielwert"),
                new Check(Reason.BAD_PERIOD, "Periode", "NOT _period RLIKE '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'", Sql.col("period")),
                new Check(Reason.BAD_PERIOD, "Periode", "NOT _period RLIKE " + periodPattern, Sql.col("period")),
                new Check(Reason.UNKNOWN_PROJECT, "Projekt-ID", "_known_project_id IS NULL", Sql.col("project_id")),
                new Check(Reason.UNKNOWN_INDICATOR, "Indikator-ID", "_known_indicator_id IS NULL", Sql.col("indicator_id"))),
                Validation.Key.of("Projekt-ID, Indikator-ID, Periode", "concat_ws(' | ', " + text("project_id") + ", "
                        + text("indicator_id") + ", _period)", text("project_id"), text("indicator_id"), "_period"));
        Dataset<Row> silver = result.accepted().selectExpr(text("project_id") + " AS project_id",
                text("indicator_id") + " AS indicator_id", "_period AS period", "cast(" + decimal("value") + " AS DOUBLE) AS value",
                "cast(" + decimal("target") + " AS DOUBLE) AS target", text("note") + " AS note",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_INDICATOR_VALUES, silver), result.rejected());
    }

    /**
     * Case milestones (model-projects/case_events.csv): the contract's checks in its order, the key (Fall-ID, Projekt-ID,
     * Ereignis), then a milestone dated before its case's (kept, valid) Zuzug is rejected as {@code event_before_start}.
     * A quarantine row never holds the Fall-ID: a duplicate is reported with its Ereignis.
     */
    Refined caseEvents(Dataset<Row> bronze, Dataset<Row> silverProjects) {
        String milestones = Milestone.codes().stream().map(Sql::quote).collect(java.util.stream.Collectors.joining(", "));
        Dataset<Row> withRefs = bronze
                .join(silverProjects.select(col("project_id").as("_known_project_id")).distinct(),
                        expr(text("project_id") + " = _known_project_id"), "left")
                .withColumn("_milestone", expr("lower(" + text("milestone") + ")"));
        Validation.Result result = Validation.validate(withRefs, List.of(
                Check.missing("case_id", "Fall-ID"),
                Check.missing("project_id", "Projekt-ID"),
                Check.missing("milestone", "Ereignis"),
                Check.missing("event_date", "Datum"),
                Check.badDate("event_date", "Datum"),
                new Check(Reason.UNKNOWN_LABEL, "Ereignis", "NOT array_contains(array(" + milestones + "), _milestone)", Sql.col("milestone")),
                new Check(Reason.UNKNOWN_PROJECT, "Projekt-ID", "_known_project_id IS NULL", Sql.col("project_id"))),
                Validation.Key.of("Ereignis", Sql.col("milestone"), text("case_id"), text("project_id"), "_milestone"));
        Dataset<Row> events = result.accepted().selectExpr(text("case_id") + " AS case_id", text("project_id") + " AS project_id",
                "_milestone AS milestone", date("event_date") + " AS event_date", Sql.col("event_date") + " AS _delivered_date",
                "_source_file", "_source_line", "_run_id");
        Dataset<Row> starts = events.filter(col("milestone").equalTo(Milestone.ZUZUG.code()))
                .select(col("case_id").as("_start_case"), col("project_id").as("_start_project"), col("event_date").as("_start"));
        Dataset<Row> checked = events.join(starts, col("case_id").equalTo(col("_start_case"))
                        .and(col("project_id").equalTo(col("_start_project"))), "left")
                .withColumn("_before_start", expr("coalesce(event_date < _start, false)"));
        Dataset<Row> silver = checked.filter("NOT _before_start").selectExpr("case_id", "project_id", "milestone", "event_date",
                "_source_file AS source_file", "_source_line AS source_line");
        Dataset<Row> beforeStart = checked.filter("_before_start").select(col("_source_file").as("source_file"),
                col("_source_line").as("source_line"), functions.lit(Reason.EVENT_BEFORE_START).as("reason"),
                functions.lit("Datum").as("column_name"), col("_delivered_date").cast(DataTypes.StringType).as("value"),
                col("_run_id").as("run_id"));
        return new Refined(Map.of(TableCatalog.SILVER_CASE_EVENTS, silver), result.rejected().unionByName(beforeStart));
    }
}
