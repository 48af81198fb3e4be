package de.integrationsmonitor.pipelines.gold.facts;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.fct_offers_active_monthly}: the offers active in each covered month, with the snapshot of their version. */
public final class OffersActiveMonthly {
    private OffersActiveMonthly() {}

    /**
     * "The state of the offers in month M is the latest snapshot dated on or before the last day of M.
     * An offer is active in M if it is in that snapshot, its Beginn is empty or on or before the last
     * day of M, and its Ende is empty or on or after the first day of M." The offer history holds that
     * state: the versions valid on the month's last day.
     */
    public static Dataset<Row> of(Dataset<Row> months, Dataset<Row> offerHistory) {
        Column validAtMonthEnd = col("valid_from").leq(col("month_end"))
                .and(col("valid_to").isNull().or(col("valid_to").gt(col("month_end"))));
        return months.join(offerHistory, validAtMonthEnd)
                .filter(col("start_date").isNull().or(col("start_date").leq(col("month_end"))))
                .filter(col("end_date").isNull().or(col("end_date").geq(col("month_start"))))
                .select("month", "offer_id", "org_unit_id", "snapshot_date");
    }
}
