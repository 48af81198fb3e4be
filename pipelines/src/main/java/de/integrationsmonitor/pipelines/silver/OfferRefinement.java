package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.codes;
import static de.integrationsmonitor.pipelines.silver.Sql.count;
import static de.integrationsmonitor.pipelines.silver.Sql.date;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.silver.SilverRefinement.Refined;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Offers database snapshots (offers/angebote_JJJJ-MM-TT.csv): one row per offer and snapshot, the code bridges and
 * the offer history; contact person, phone and e-mail are dropped here. Pure functions of bronze frames; {@link
 * SilverJob} reads and writes.
 */
final class OfferRefinement {
    private final Vocabularies vocabularies;

    OfferRefinement(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }


    Refined offers(Dataset<Row> bronze, OrgUnits orgUnits) {
        String cities = mapLiteral(orgUnits.gemeindeByName());
        String categories = mapLiteral(vocabularies.labels(Vocabularies.CATEGORY));
        String languages = mapLiteral(vocabularies.labels(TargetGroup.LANGUAGE));
        String genders = mapLiteral(vocabularies.labels(TargetGroup.GENDER));
        String migration = mapLiteral(vocabularies.labels(TargetGroup.MIGRATION));
        String ageGroups = mapLiteral(vocabularies.labels(TargetGroup.AGE_GROUP));
        // personal data (contact person, phone, e-mail) stays in bronze: no check reads it, no silver table holds it
        String[] personal = Source.OFFERS.columns().stream().filter(Source.Column::personal).map(Source.Column::name).toArray(String[]::new);
        Dataset<Row> withCity = bronze.drop(personal).withColumn("_org_unit_id", expr("try_element_at(" + cities + ", lower(" + text("city") + "))"));
        Validation.Result result = Validation.validate(withCity, List.of(
                Check.missing("offer_id", "Angebots-ID"),
                Check.missing("city", "Stadt"),
                Check.missing("offer_name", "Name des Angebots"),
                Check.missing("categories", "Kategorie"),
                Check.badCount("places", "Plätze"),
                Check.negative("places", "Plätze"),
                Check.badDate("start_date", "Beginn"),
                Check.badDate("end_date", "Ende"),
                Check.unknownLabel("categories", "Kategorie", categories),
                Check.unknownLabel("languages", "Sprache(n) des Angebots", languages),
                Check.unknownLabel("genders", "Zielgruppe - Geschlecht", genders),
                Check.unknownLabel("migration", "Zielgruppe - Migrationshintergrund", migration),
                Check.unknownLabel("age_groups", "Zielgruppe - Altersgruppe", ageGroups),
                new Check(Reason.UNKNOWN_CITY, "Stadt", "_org_unit_id IS NULL", Sql.col("city"))),
                Validation.Key.of("Angebots-ID", text("offer_id"), "_period", text("offer_id")));
        Dataset<Row> accepted = result.accepted()
                .withColumn("snapshot_date", expr("to_date(_period)"))
                .withColumn("offer_id", expr(text("offer_id")))
                .withColumn("_categories", expr(codes("categories", categories)))
                .withColumn("_languages", expr("CASE WHEN size(" + codes("languages", languages) + ") = 0 THEN array('de') ELSE "
                        + codes("languages", languages) + " END"))
                .withColumn("_genders", expr(codes("genders", genders)))
                .withColumn("_migration", expr(codes("migration", migration)))
                .withColumn("_age_groups", expr(codes("age_groups", ageGroups)))
                // cached without the texts the codes came from: the snapshots and the five bridges read the rest
                .drop("categories", "languages", "genders", "migration", "age_groups", "city", "_period", "_run_id")
                .cache();
        Dataset<Row> snapshots = accepted.selectExpr("snapshot_date", "offer_id", "_org_unit_id AS org_unit_id",
                text("district") + " AS district", text("offer_name") + " AS offer_name", text("provider") + " AS provider",
                text("venue") + " AS venue", text("venue_address") + " AS venue_address", text("homepage") + " AS homepage",
                count("places") + " AS places", date("start_date") + " AS start_date", date("end_date") + " AS end_date",
                openToAll("_genders") + " AS is_open_to_all_genders", openToAll("_age_groups") + " AS is_open_to_all_age_groups",
                openToAll("_migration") + " AS is_open_to_all_migration",
                "_source_file AS source_file", "_source_line AS source_line");
        Map<String, Dataset<Row>> bridges = new LinkedHashMap<>();
        bridges.put(Vocabularies.CATEGORY, bridge(accepted, "_categories", Vocabularies.CATEGORY));
        bridges.put(TargetGroup.LANGUAGE.code(), bridge(accepted, "_languages", TargetGroup.LANGUAGE.code()));
        bridges.put(TargetGroup.AGE_GROUP.code(), bridge(accepted, "_age_groups", TargetGroup.AGE_GROUP.code()));
        bridges.put(TargetGroup.GENDER.code(), bridge(accepted, "_genders", TargetGroup.GENDER.code()));
        bridges.put(TargetGroup.MIGRATION.code(), bridge(accepted, "_migration", TargetGroup.MIGRATION.code()));
        Map<TableDef, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(TableCatalog.SILVER_OFFERS, snapshots);
        tables.put(TableCatalog.SILVER_OFFER_HISTORY, OfferHistory.fromSnapshots(Warehouse.conform(TableCatalog.SILVER_OFFERS, snapshots), bridges));
        tables.put(TableCatalog.SILVER_OFFER_CODES, OfferCodes.combine(bridges));
        return new Refined(tables, result.rejected());
    }

    /** Empty, or holding the "für alle offen" label: open to every value of the dimension. */
    private static String openToAll(String codesColumn) {
        return "(size(" + codesColumn + ") = 0 OR array_contains(" + codesColumn + ", '" + Vocabularies.OPEN_TO_ALL + "'))";
    }

    private static Dataset<Row> bridge(Dataset<Row> offers, String codesColumn, String codeColumn) {
        return offers.select(col("snapshot_date"), col("offer_id"), explode(col(codesColumn)).as(codeColumn))
                .filter(col(codeColumn).notEqual(lit(Vocabularies.OPEN_TO_ALL)))
                .distinct();
    }
}
