package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The published monthly figures ({@code gold.kpi_monthly}) from the facts behind them
 * ({@code gold.fct_offers_active_monthly}, {@code gold.fct_participation_events}), as a pure function of frames.
 * The rules are the data contract's, quoted where they apply.
 */
public final class KpiMonthly {
    private static final List<String> MEASURES = List.of("offers_active", "offers_new", "offers_ended", "events",
            "participants", "participants_female", "participants_newcomers", "workshops", "workshop_participants");

    private KpiMonthly() {}

    /**
     * One row per covered month and every Gemeinde and Kreis; a Kreis row is the sum of its
     * Gemeinden plus what is recorded for the Kreis itself; zero is written as 0.
     */
    public static Dataset<Row> kpis(Dataset<Row> months, Dataset<Row> orgUnits, Dataset<Row> offersActive,
                                    Dataset<Row> events, Dataset<Row> workshops) {
        Dataset<Row> units = orgUnits.filter(col("level").isin(OrgLevel.GEMEINDE.code(), OrgLevel.KREIS.code()))
                .select("org_unit_id", "level", "kreis_id");

        Dataset<Row> active = offersActive.groupBy("month", "org_unit_id").agg(count(lit(1)).as("offers_active"));
        Dataset<Row> previous = offersActive.select(col("month").as("p_month"), col("offer_id").as("p_offer_id"),
                col("org_unit_id").as("p_org_unit_id"));
        Dataset<Row> isNew = offersActive.join(months.select("month", "previous_month"), "month")
                .join(previous, col("previous_month").equalTo(col("p_month")).and(col("offer_id").equalTo(col("p_offer_id"))),
                        "left_anti")
                .groupBy("month", "org_unit_id").agg(count(lit(1)).as("offers_new"));
        Dataset<Row> ended = months.select("month", "previous_month")
                .join(previous, col("previous_month").equalTo(col("p_month")))
                .join(offersActive.select(col("month").as("c_month"), col("offer_id").as("c_offer_id")),
                        col("month").equalTo(col("c_month")).and(col("p_offer_id").equalTo(col("c_offer_id"))), "left_anti")
                .groupBy(col("month"), col("p_org_unit_id").as("org_unit_id")).agg(count(lit(1)).as("offers_ended"));
        Dataset<Row> participation = events.groupBy("month", "org_unit_id").agg(
                count(lit(1)).as("events"), sum("participants").as("participants"),
                sum("participants_female").as("participants_female"), sum("participants_newcomers").as("participants_newcomers"));
        Dataset<Row> workshopsHeld = workshops.join(months, col("workshop_date").between(col("month_start"), col("month_end")))
                .groupBy("month", "org_unit_id").agg(count(lit(1)).as("workshops"),
                        coalesce(sum("participants"), lit(0L)).as("workshop_participants"));

        Dataset<Row> own = months.select("month").crossJoin(units.select("org_unit_id"));
        for (Dataset<Row> measures : List.of(active, isNew, ended, participation, workshopsHeld)) {
            own = Frames.joinOn(own, measures, "left", "month", "org_unit_id");
        }

        // Each Gemeinde counts for itself and for its Kreis; a Kreis's own records count for the Kreis only.
        Column targets = when(col("level").equalTo(OrgLevel.GEMEINDE.code()).and(col("kreis_id").isNotNull()),
                array(col("org_unit_id"), col("kreis_id"))).otherwise(array(col("org_unit_id")));
        Dataset<Row> contributions = own.join(units, "org_unit_id")
                .withColumn("target_id", explode(targets));
        Column[] sums = MEASURES.stream().map(m -> coalesce(sum(m), lit(0L)).as(m)).toArray(Column[]::new);
        Dataset<Row> rolledUp = contributions.groupBy(col("month"), col("target_id").as("org_unit_id"))
                .agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, sums.length));

        Dataset<Row> withFirst = rolledUp.join(months.select("month", "is_first"), "month");
        return withFirst.select(col("month"), col("org_unit_id"), col("offers_active"),
                when(col("is_first"), lit(null).cast("bigint")).otherwise(col("offers_new")).as("offers_new"),
                when(col("is_first"), lit(null).cast("bigint")).otherwise(col("offers_ended")).as("offers_ended"),
                col("events"), col("participants"), col("participants_female"), col("participants_newcomers"),
                col("workshops"), col("workshop_participants"));
    }
}
