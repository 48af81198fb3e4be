package de.integrationsmonitor.pipelines.gold.facts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.fct_participation_events}: the valid participation events of the covered months. */
public final class ParticipationEvents {
    private ParticipationEvents() {}

    /** Valid events of covered months, "missing davon counts as 0". */
    public static Dataset<Row> of(Dataset<Row> months, Dataset<Row> silverEvents) {
        // an equi-join on the month (not a range condition per event and month): millions of events at Land scale
        return silverEvents.withColumn("month", date_format(col("event_date"), "yyyy-MM")).join(months.select("month"), "month")
                .select(col("month"), col("event_date"), col("org_unit_id"), col("offer_id"), col("program"),
                        col("participants"), coalesce(col("participants_female"), lit(0L)).as("participants_female"),
                        coalesce(col("participants_newcomers"), lit(0L)).as("participants_newcomers"));
    }
}
