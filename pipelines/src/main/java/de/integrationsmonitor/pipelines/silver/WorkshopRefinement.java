package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.count;
import static de.integrationsmonitor.pipelines.silver.Sql.date;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.silver.SilverRefinement.Refined;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Workshops and their statements (workshops/workshops.csv, workshops/statements.csv). Pure functions of bronze
 * frames; {@link SilverJob} reads and writes.
 */
final class WorkshopRefinement {
    private final Vocabularies vocabularies;

    WorkshopRefinement(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }


    Refined workshops(Dataset<Row> bronze, OrgUnits orgUnits) {
        String cities = mapLiteral(orgUnits.gemeindeOrKreisByName());
        Dataset<Row> withCity = bronze.withColumn("_org_unit_id", expr("try_element_at(" + cities + ", lower(" + text("city") + "))"));
        Validation.Result result = Validation.validate(withCity, List.of(
                Check.missing("workshop_id", "Workshop-ID"),
                Check.missing("title", "Titel"),
                Check.missing("field_of_action", "Handlungsfeld"),
                Check.missing("workshop_date", "Datum"),
                Check.missing("city", "Stadt"),
                Check.badCount("participants", "Teilnehmende"),
                Check.negative("participants", "Teilnehmende"),
                Check.badDate("workshop_date", "Datum"),
                new Check(Reason.UNKNOWN_CITY, "Stadt", "_org_unit_id IS NULL", Sql.col("city"))),
                Validation.Key.of("Workshop-ID", text("workshop_id"), text("workshop_id")));
        Dataset<Row> silver = result.accepted().selectExpr(text("workshop_id") + " AS workshop_id", text("title") + " AS title",
                text("field_of_action") + " AS field_of_action", date("workshop_date") + " AS workshop_date",
                "_org_unit_id AS org_unit_id", text("venue") + " AS venue", count("participants") + " AS participants",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_WORKSHOPS, silver), result.rejected());
    }

    Refined statements(Dataset<Row> bronze, Dataset<Row> silverWorkshops) {
        String weather = mapLiteral(vocabularies.labels(Vocabularies.WEATHER));
        Dataset<Row> known = silverWorkshops.select(col("workshop_id").as("_known_workshop_id")).distinct();
        Dataset<Row> withWorkshop = bronze.join(known, expr(text("workshop_id") + " = _known_workshop_id"), "left");
        Validation.Result result = Validation.validate(withWorkshop, List.of(
                Check.missing("workshop_id", "Workshop-ID"),
                Check.missing("weather", "Wetter"),
                Check.missing("statement", "Aussage"),
                Check.unknownLabel("weather", "Wetter", weather),
                new Check(Reason.UNKNOWN_WORKSHOP, "Workshop-ID", "_known_workshop_id IS NULL", Sql.col("workshop_id"))),
                Validation.Key.NONE);
        Dataset<Row> silver = result.accepted().selectExpr(text("workshop_id") + " AS workshop_id",
                "try_element_at(" + weather + ", lower(" + text("weather") + ")) AS weather", text("statement") + " AS statement",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_STATEMENTS, silver), result.rejected());
    }
}
