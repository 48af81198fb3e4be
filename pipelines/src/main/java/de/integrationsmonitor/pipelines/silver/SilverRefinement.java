package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.codes;
import static de.integrationsmonitor.pipelines.silver.Sql.count;
import static de.integrationsmonitor.pipelines.silver.Sql.date;
import static de.integrationsmonitor.pipelines.silver.Sql.decimal;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Bronze to silver for every source: parse, validate, normalise vocabularies, resolve cities to org
 * units, drop personal data. Pure functions of bronze frames; the job reads and writes.
 */
public final class SilverRefinement {
    private final SparkSession spark;
    private final Vocabularies vocabularies;
    private final Aliases aliases;

    public SilverRefinement(SparkSession spark, Vocabularies vocabularies, Aliases aliases) {
        this.spark = spark;
        this.vocabularies = vocabularies;
        this.aliases = aliases;
    }

    /** Silver tables produced from one source, and the rows it rejected. */
    public record Refined(Map<TableDef, Dataset<Row>> tables, Dataset<Row> rejected) {
        /** Every table already has its catalog columns and types, so tests see what the warehouse stores. */
        public Refined {
            Map<TableDef, Dataset<Row>> conformed = new LinkedHashMap<>();
            tables.forEach((table, rows) -> conformed.put(table, Warehouse.conform(table, rows)));
            tables = java.util.Collections.unmodifiableMap(conformed);
        }
    }

    // ---- reference -----------------------------------------------------------------------------

    public Refined orgUnits(Dataset<Row> bronze) {
        Validation.Result result = Validation.validate(bronze, List.of(
                Check.missing("org_unit_id", "org_unit_id"),
                Check.missing("name", "name"),
                Check.missing("level", "level"),
                Check.badCount("population", "population"),
                Check.badCount("population_foreign", "population_foreign"),
                Check.badCount("newcomers_12m", "newcomers_12m"),
                Check.negative("population", "population"),
                Check.negative("population_foreign", "population_foreign"),
                Check.negative("newcomers_12m", "newcomers_12m"),
                new Check(Reason.UNKNOWN_LABEL, "level", "NOT array_contains(array('land', 'regierungsbezirk', 'kreis', 'gemeinde', 'stadtteil'), lower(" + text("level") + "))", "level")),
                Validation.Key.of("org_unit_id", text("org_unit_id"), text("org_unit_id")));
        List<Row> accepted = result.accepted().selectExpr(text("org_unit_id"), text("name"), "lower(" + text("level") + ")",
                text("parent_id"), count("population"), count("population_foreign"), count("newcomers_12m"),
                "_source_file", "_source_line", "_run_id").collectAsList();
        Map<String, Row> byId = new LinkedHashMap<>();
        accepted.forEach(row -> byId.put(row.getString(0), row));
        List<Row> rows = new ArrayList<>();
        List<Row> rejected = new ArrayList<>();
        for (Row row : accepted) {
            String parent = row.getString(3);
            boolean isLand = OrgUnits.LAND.equals(row.getString(2));
            if (!isLand && (parent == null || !byId.containsKey(parent))) {
                rejected.add(RowFactory.create(row.getString(7), row.getInt(8), Reason.UNKNOWN_ORG_UNIT, "parent_id", parent,
                        row.getString(9)));
                continue;
            }
            rows.add(RowFactory.create(row.getString(0), row.getString(1), row.getString(2), parent,
                    row.get(4), row.get(5), row.get(6),
                    ancestor(byId, row, OrgUnits.KREIS), ancestor(byId, row, OrgUnits.REGIERUNGSBEZIRK),
                    row.getString(7), row.getInt(8)));
        }
        Dataset<Row> silver = spark.createDataFrame(rows, TableCatalog.SILVER_ORG_UNITS.schema());
        Dataset<Row> orphans = spark.createDataFrame(rejected, result.rejected().schema());
        return new Refined(Map.of(TableCatalog.SILVER_ORG_UNITS, silver), result.rejected().unionByName(orphans));
    }

    private static String ancestor(Map<String, Row> byId, Row row, String level) {
        Row current = row;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (level.equals(current.getString(2))) {
                return current.getString(0);
            }
            current = current.getString(3) == null ? null : byId.get(current.getString(3));
        }
        return null;
    }

    public Refined demand(Dataset<Row> bronze, OrgUnits orgUnits) {
        List<String> dimensions = List.of(Vocabularies.LANGUAGE, Vocabularies.AGE_GROUP, Vocabularies.GENDER, Vocabularies.MIGRATION);
        StringBuilder code = new StringBuilder("CASE lower(" + text("dimension") + ")");
        for (String dimension : dimensions) {
            Map<String, String> labels = new LinkedHashMap<>(vocabularies.labels(dimension));
            labels.values().removeIf(Vocabularies.OPEN_TO_ALL::equals);
            code.append(" WHEN ").append(Sql.quote(dimension)).append(" THEN try_element_at(").append(mapLiteral(labels))
                    .append(", lower(").append(text("value")).append("))");
        }
        code.append(" END");
        String ids = idSet(orgUnits);
        Dataset<Row> withCode = bronze.withColumn("_code", expr(code.toString()));
        Validation.Result result = Validation.validate(withCode, List.of(
                Check.missing("org_unit_id", "org_unit_id"),
                Check.missing("dimension", "dimension"),
                Check.missing("value", "value"),
                Check.missing("persons", "persons"),
                Check.badCount("persons", "persons"),
                Check.negative("persons", "persons"),
                new Check(Reason.UNKNOWN_LABEL, "dimension", "NOT array_contains(array('language', 'age_group', 'gender', 'migration'), lower(" + text("dimension") + "))", Sql.col("dimension")),
                new Check(Reason.UNKNOWN_LABEL, "value", "_code IS NULL", Sql.col("value")),
                new Check(Reason.UNKNOWN_ORG_UNIT, "org_unit_id", "NOT array_contains(" + ids + ", " + text("org_unit_id") + ")", Sql.col("org_unit_id"))),
                Validation.Key.of("org_unit_id, dimension, value", "concat_ws(' | ', " + text("org_unit_id") + ", lower("
                        + text("dimension") + "), _code)", text("org_unit_id"), "lower(" + text("dimension") + ")", "_code"));
        Dataset<Row> silver = result.accepted().selectExpr(text("org_unit_id") + " AS org_unit_id",
                "lower(" + text("dimension") + ") AS dimension", "_code AS value", count("persons") + " AS persons",
                "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_DEMAND, silver), result.rejected());
    }

    private static String idSet(OrgUnits orgUnits) {
        List<String> ids = orgUnits.all().stream().map(u -> Sql.quote(u.id())).toList();
        return ids.isEmpty() ? "array(cast(null as string))" : "array(" + String.join(", ", ids) + ")";
    }

    // ---- offers --------------------------------------------------------------------------------

    public Refined offers(Dataset<Row> bronze, OrgUnits orgUnits) {
        String cities = mapLiteral(orgUnits.gemeindeByName());
        String categories = mapLiteral(vocabularies.labels(Vocabularies.CATEGORY));
        String languages = mapLiteral(vocabularies.labels(Vocabularies.LANGUAGE));
        String genders = mapLiteral(vocabularies.labels(Vocabularies.GENDER));
        String migration = mapLiteral(vocabularies.labels(Vocabularies.MIGRATION));
        String ageGroups = mapLiteral(vocabularies.labels(Vocabularies.AGE_GROUP));
        Dataset<Row> withCity = bronze.withColumn("_org_unit_id", expr("try_element_at(" + cities + ", lower(" + text("city") + "))"));
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
                .cache();
        Dataset<Row> snapshots = accepted.selectExpr("snapshot_date", "offer_id", "_org_unit_id AS org_unit_id",
                text("district") + " AS district", text("offer_name") + " AS offer_name", text("provider") + " AS provider",
                text("venue") + " AS venue", text("venue_address") + " AS venue_address", text("homepage") + " AS homepage",
                count("places") + " AS places", date("start_date") + " AS start_date", date("end_date") + " AS end_date",
                openToAll("_genders") + " AS is_open_to_all_genders", openToAll("_age_groups") + " AS is_open_to_all_age_groups",
                openToAll("_migration") + " AS is_open_to_all_migration",
                "_source_file AS source_file", "_source_line AS source_line");
        Map<String, Dataset<Row>> bridges = new LinkedHashMap<>();
        bridges.put("category", bridge(accepted, "_categories", "category"));
        bridges.put("language", bridge(accepted, "_languages", "language"));
        bridges.put("gender", bridge(accepted, "_genders", "gender"));
        bridges.put("age_group", bridge(accepted, "_age_groups", "age_group"));
        bridges.put("migration", bridge(accepted, "_migration", "migration"));
        Map<TableDef, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put(TableCatalog.SILVER_OFFERS, snapshots);
        tables.put(TableCatalog.SILVER_OFFER_HISTORY, OfferHistory.fromSnapshots(Warehouse.conform(TableCatalog.SILVER_OFFERS, snapshots), bridges));
        tables.put(TableCatalog.SILVER_OFFER_CATEGORIES, bridges.get("category"));
        tables.put(TableCatalog.SILVER_OFFER_LANGUAGES, bridges.get("language"));
        tables.put(TableCatalog.SILVER_OFFER_GENDERS, bridges.get("gender"));
        tables.put(TableCatalog.SILVER_OFFER_AGE_GROUPS, bridges.get("age_group"));
        tables.put(TableCatalog.SILVER_OFFER_MIGRATION, bridges.get("migration"));
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

    // ---- participation -------------------------------------------------------------------------

    public Refined events(Dataset<Row> bronze, Dataset<Row> silverOffers, OrgUnits orgUnits) {
        String cities = mapLiteral(orgUnits.gemeindeOrKreisByName());
        Dataset<Row> events = bronze.withColumn("_offer_id", expr(text("offer_id")))
                .withColumn("_event_date", expr(date("event_date")));
        // An event takes the Gemeinde of its offer's latest snapshot on or before the event date, or, dated
        // before the first snapshot (or undated), of the first snapshot. Each offer's snapshots shrink to the
        // periods with one Gemeinde (offers rarely move), so every event matches exactly one period and the
        // periods are few enough to be broadcast: no join of every event with every snapshot of its offer.
        Dataset<Row> places = functions.broadcast(offerPlacePeriods(silverOffers));
        Dataset<Row> withOffer = events.join(places, col("_offer_id").equalTo(col("_place_offer_id"))
                        .and(expr("(_event_date >= _place_from AND (_place_until IS NULL OR _event_date < _place_until))"
                                + " OR (_place_first AND (_event_date IS NULL OR _event_date < _place_from))")), "left")
                .drop("_place_offer_id", "_place_from", "_place_until", "_place_first")
                .withColumn("_city_org_unit_id", expr("try_element_at(" + cities + ", lower(" + text("city") + "))"));
        String davonGender = "coalesce(" + count("female") + ", 0) + coalesce(" + count("male") + ", 0) + coalesce("
                + count("diverse") + ", 0)";
        Validation.Result result = Validation.validate(withOffer, List.of(
                Check.missing("event_date", "Datum"),
                Check.missing("participants", "Teilnehmende"),
                Check.badCount("participants", "Teilnehmende"),
                Check.badCount("female", "davon weiblich"),
                Check.badCount("male", "davon männlich"),
                Check.badCount("diverse", "davon divers"),
                Check.badCount("newcomers", "davon neuzugewandert"),
                Check.negative("participants", "Teilnehmende"),
                Check.negative("female", "davon weiblich"),
                Check.negative("male", "davon männlich"),
                Check.negative("diverse", "davon divers"),
                Check.negative("newcomers", "davon neuzugewandert"),
                Check.badDate("event_date", "Datum"),
                new Check(Reason.FUTURE_DATE, "Datum", "_event_date > to_date(_ingested_at)", Sql.col("event_date")),
                new Check(Reason.UNKNOWN_CITY, "Stadt", "_offer_id IS NULL AND " + text("city") + " IS NOT NULL AND _city_org_unit_id IS NULL",
                        Sql.col("city")),
                new Check(Reason.UNKNOWN_OFFER, "Angebots-ID", "_offer_id IS NOT NULL AND _offer_org_unit_id IS NULL", "_offer_id"),
                new Check(Reason.DAVON_EXCEEDS_TOTAL, "davon weiblich/männlich/divers", davonGender + " > " + count("participants"),
                        "cast(" + davonGender + " as string)"),
                new Check(Reason.DAVON_EXCEEDS_TOTAL, "davon neuzugewandert", count("newcomers") + " > " + count("participants"),
                        Sql.col("newcomers")),
                new Check(Reason.MISSING_PROGRAM_OR_CITY, "Programm/Stadt",
                        "_offer_id IS NULL AND (" + text("program") + " IS NULL OR " + text("city") + " IS NULL)",
                        "concat_ws(' / ', " + text("program") + ", " + text("city") + ")")),
                Validation.Key.NONE);
        Dataset<Row> silver = result.accepted().selectExpr("_event_date AS event_date", "_offer_id AS offer_id",
                text("program") + " AS program", "coalesce(_offer_org_unit_id, _city_org_unit_id) AS org_unit_id",
                count("participants") + " AS participants", count("female") + " AS participants_female",
                count("male") + " AS participants_male", count("diverse") + " AS participants_diverse",
                count("newcomers") + " AS participants_newcomers", "_source_file AS source_file", "_source_line AS source_line");
        return new Refined(Map.of(TableCatalog.SILVER_EVENTS, silver), result.rejected());
    }

    /**
     * Per offer the periods in which its snapshots name one org unit: from the first snapshot of the
     * period until the first snapshot of the next ({@code _place_until} null for the last), with a flag
     * for the offer's first period.
     */
    static Dataset<Row> offerPlacePeriods(Dataset<Row> silverOffers) {
        org.apache.spark.sql.expressions.WindowSpec bySnapshot = org.apache.spark.sql.expressions.Window
                .partitionBy("offer_id").orderBy("snapshot_date");
        return silverOffers.select("offer_id", "snapshot_date", "org_unit_id")
                .withColumn("_previous", functions.lag("org_unit_id", 1).over(bySnapshot))
                .withColumn("_first", functions.row_number().over(bySnapshot).equalTo(1))
                .filter(col("_first").or(col("_previous").notEqual(col("org_unit_id"))))
                .select(col("offer_id").as("_place_offer_id"), col("snapshot_date").as("_place_from"),
                        functions.lead("snapshot_date", 1).over(bySnapshot).as("_place_until"),
                        col("_first").as("_place_first"), col("org_unit_id").as("_offer_org_unit_id"));
    }

    // ---- workshops -----------------------------------------------------------------------------

    public Refined workshops(Dataset<Row> bronze, OrgUnits orgUnits) {
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

    public Refined statements(Dataset<Row> bronze, Dataset<Row> silverWorkshops) {
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

    // ---- model projects ------------------------------------------------------------------------

    public Refined projects(Dataset<Row> bronze, OrgUnits orgUnits) {
        String units = mapLiteral(orgUnits.anyByName());
        Dataset<Row> withUnit = bronze.withColumn("_org_unit_id", expr("coalesce(try_element_at(" + units + ", lower("
                + text("org_unit") + ")), CASE WHEN array_contains(" + idSet(orgUnits) + ", " + text("org_unit") + ") THEN "
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

    public Refined indicators(Dataset<Row> bronze) {
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

    public Refined indicatorValues(Dataset<Row> bronze, Dataset<Row> silverProjects, Dataset<Row> silverIndicators) {
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
}
