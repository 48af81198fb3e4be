package de.integrationsmonitor.pipelines.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Type-2 history of the offers catalogue from its full snapshots. A version of an offer is valid
 * from the snapshot where it appears (or changes) up to, excluding, the first snapshot where it is
 * gone or different; {@code valid_to} is null while the latest snapshot still holds it. The state of
 * any date d is therefore: every version with {@code valid_from <= d < valid_to}, which is exactly
 * the latest snapshot dated on or before d.
 */
public final class OfferHistory {
    /** Attributes that make a new version when they change (besides the bridge codes). */
    private static final List<String> ATTRIBUTES = List.of("org_unit_id", "district", "offer_name", "provider", "venue",
            "venue_address", "homepage", "places", "start_date", "end_date", "is_open_to_all_genders",
            "is_open_to_all_age_groups", "is_open_to_all_migration");

    private OfferHistory() {}

    /**
     * @param snapshots silver offers (one row per offer and snapshot)
     * @param bridges bridges by code column name ({@code category}, {@code language}, ...; {@link OfferCodes#bridges})
     */
    public static Dataset<Row> fromSnapshots(Dataset<Row> snapshots, Map<String, Dataset<Row>> bridges) {
        Dataset<Row> dates = snapshots.select("snapshot_date").distinct();
        WindowSpec bySnapshotDate = Window.orderBy("snapshot_date");
        Dataset<Row> snapshotOrder = dates
                .withColumn("snapshot_index", dense_rank().over(bySnapshotDate))
                .withColumn("next_snapshot_date", lead("snapshot_date", 1).over(bySnapshotDate));

        Dataset<Row> rows = Frames.joinOn(snapshots, snapshotOrder, "inner", "snapshot_date");
        Column fingerprint = concat_ws("\u001f", ATTRIBUTES.stream().map(a -> coalesce(col(a).cast("string"), lit("\u2400")))
                .toArray(Column[]::new));
        for (Map.Entry<String, Dataset<Row>> bridge : bridges.entrySet()) {
            String codes = "_" + bridge.getKey() + "_codes";
            Dataset<Row> perOffer = bridge.getValue().groupBy("snapshot_date", "offer_id")
                    .agg(sort_array(collect_set(bridge.getKey())).as(codes));
            rows = Frames.joinOn(rows, perOffer, "left", "snapshot_date", "offer_id");
            fingerprint = concat_ws("\u001f", fingerprint, coalesce(concat_ws(",", col(codes)), lit("")));
        }
        WindowSpec byOffer = Window.partitionBy("offer_id").orderBy("snapshot_index");
        Dataset<Row> marked = rows
                .withColumn("_hash", sha2(fingerprint, 256))
                .withColumn("_starts_version", when(lag("snapshot_index", 1).over(byOffer).isNull()
                        .or(lag("snapshot_index", 1).over(byOffer).notEqual(col("snapshot_index").minus(1)))
                        .or(lag("_hash", 1).over(byOffer).notEqual(col("_hash"))), lit(1)).otherwise(lit(0)))
                .withColumn("version", sum("_starts_version").over(byOffer.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));

        Column[] attributes = Stream.concat(Stream.of(max("snapshot_index").as("_last_index")),
                ATTRIBUTES.stream().map(a -> first(col(a)).as(a))).toArray(Column[]::new);
        // Within a version every attribute is equal (same fingerprint), so first() picks any of them.
        Dataset<Row> versions = marked.groupBy("offer_id", "version")
                .agg(min("snapshot_date").as("valid_from"), attributes);
        Dataset<Row> ends = snapshotOrder.select(col("snapshot_index").as("_last_index"), col("next_snapshot_date").as("valid_to"));
        return Frames.joinOn(versions, ends, "inner", "_last_index")
                .withColumn("snapshot_date", col("valid_from"))
                .withColumn("version", col("version").cast("int"))
                .drop("_last_index");
    }
}
