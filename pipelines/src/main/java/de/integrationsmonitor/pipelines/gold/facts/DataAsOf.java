package de.integrationsmonitor.pipelines.gold.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import de.integrationsmonitor.pipelines.warehouse.Frames;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.fct_data_as_of}: per month, the offers snapshot that describes it (the latest taken on or before the
 * month's last day) and the date of the latest valid event in it.
 */
public final class DataAsOf {
    private DataAsOf() {}

    /**
     * @param months    the months to compute ({@code CoveredMonths.frame})
     * @param snapshots silver.offers__snapshots (only {@code snapshot_date} is used)
     * @param events    gold.fct_participation_events
     */
    public static Dataset<Row> of(Dataset<Row> months, Dataset<Row> snapshots, Dataset<Row> events) {
        Dataset<Row> dates = snapshots.select("snapshot_date").distinct();
        Dataset<Row> latestSnapshot = months.select("month", "month_end")
                .join(dates, col("snapshot_date").leq(col("month_end")), "left")
                .groupBy("month").agg(max("snapshot_date").as("offers_snapshot_date"));
        Dataset<Row> latestEvent = events.groupBy("month").agg(max("event_date").as("latest_event_date"));
        return Frames.joinOn(latestSnapshot, latestEvent, "left", "month");
    }
}
