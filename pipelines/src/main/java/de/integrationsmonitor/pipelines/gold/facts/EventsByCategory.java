package de.integrationsmonitor.pipelines.gold.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.OfferStatus;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.fct_events_by_category}: events and participants per month, org unit and category of the event's
 * offer, in the version active in the month. An event of an offer with several categories counts once in each
 * category; an event whose offer is not active in the month, or that has no offer, gets a row without category.
 */
public final class EventsByCategory {
    private EventsByCategory() {}

    /**
     * @param events     gold.fct_participation_events (the months to compute)
     * @param active     gold.fct_offers_active_monthly (the same months)
     * @param categories the category bridge of silver.offers__codes ({@code OfferCodes.bridge(codes, "category")})
     */
    public static Dataset<Row> of(Dataset<Row> events, Dataset<Row> active, Dataset<Row> categories) {
        // events have no key of their own: number them so that an event counts once per category row
        Dataset<Row> numbered = events.select("month", "org_unit_id", "offer_id", "participants")
                .withColumn("_event", monotonically_increasing_id());
        Dataset<Row> withVersion = Frames.joinOn(numbered, active.select("month", "offer_id", "snapshot_date"), "left",
                "month", "offer_id");
        Dataset<Row> withCategory = Frames.joinOn(withVersion, categories.select("snapshot_date", "offer_id", "category"), "left",
                "snapshot_date", "offer_id");
        return withCategory
                .withColumn("offer_status", when(col("offer_id").isNull(), lit(OfferStatus.NO_OFFER.code()))
                        .when(col("snapshot_date").isNull(), lit(OfferStatus.NOT_ACTIVE.code()))
                        .otherwise(lit(OfferStatus.ACTIVE.code())))
                .groupBy("month", "org_unit_id", "offer_status", "category")
                .agg(countDistinct("_event").as("events"), sum("participants").as("participants"));
    }
}
