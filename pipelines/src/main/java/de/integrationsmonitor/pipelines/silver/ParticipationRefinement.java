package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.silver.Sql.count;
import static de.integrationsmonitor.pipelines.silver.Sql.date;
import static de.integrationsmonitor.pipelines.silver.Sql.mapLiteral;
import static de.integrationsmonitor.pipelines.silver.Sql.text;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.silver.SilverRefinement.Refined;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Participation counts (participation/teilnahmen_JJJJ-MM.csv): one row per event, attributed to the Gemeinde of
 * its offer at the event date or to the named Stadt. Pure functions of bronze frames; {@link SilverJob} reads and
 * writes.
 */
final class ParticipationRefinement {
    Refined events(Dataset<Row> bronze, Dataset<Row> silverOffers, OrgUnits orgUnits) {
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
}
