package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.supply_matrix}: active offers per month, Gemeinde and category, with offers per 10,000
 * residents and the median of that rate over the Gemeinden of the reference area (the Kreis; the
 * Regierungsbezirk for a kreisfreie Stadt, as for the coverage gaps). Every Gemeinde gets a row for
 * every category, so a category without any offer shows as 0 and thin categories stand out.
 */
public final class SupplyMatrix {
    /** Residents per unit of the rate. */
    public static final double PER_RESIDENTS = 10_000.0;

    private SupplyMatrix() {}

    /**
     * @param categoryCounts active offers per month, Gemeinde and category ({@code month, org_unit_id, category,
     *                       offers_active}; an offer counted once per category of its version)
     */
    public static Dataset<Row> supply(SparkSession spark, Dataset<Row> months, Dataset<Row> categoryCounts,
                                      Dataset<Row> orgUnits, List<String> categoryCodes) {
        Dataset<Row> gemeinden = orgUnits.filter(col("level").equalTo(OrgLevel.GEMEINDE.code())).select("org_unit_id", "population");
        Dataset<Row> grid = months.select("month").crossJoin(gemeinden).crossJoin(categories(spark, categoryCodes));
        Dataset<Row> counts = categoryCounts.select("month", "org_unit_id", "category", "offers_active");
        Dataset<Row> rows = Frames.joinOn(grid, counts, "left", "month", "org_unit_id", "category")
                .withColumn("offers_active", coalesce(col("offers_active"), lit(0L)))
                .withColumn("offers_per_10k", when(col("population").gt(0),
                        col("offers_active").multiply(PER_RESIDENTS).divide(col("population"))));
        Dataset<Row> medians = Frames.joinOn(rows, CoverageGaps.areaMembership(orgUnits), "inner", "org_unit_id")
                .groupBy("month", "area_id", "category")
                .agg(expr("percentile(offers_per_10k, 0.5)").as("area_median_per_10k"));
        Dataset<Row> areas = CoverageGaps.referenceAreas(orgUnits);
        return Frames.joinOn(Frames.joinOn(rows, areas, "inner", "org_unit_id"), medians, "left", "month", "area_id", "category")
                .select(col("month"), col("org_unit_id"), col("category"), col("offers_active"), col("population"),
                        col("offers_per_10k"), col("area_id").as("reference_area_id"), col("area_median_per_10k"));
    }

    private static Dataset<Row> categories(SparkSession spark, List<String> codes) {
        List<Row> rows = new ArrayList<>();
        codes.forEach(code -> rows.add(RowFactory.create(code)));
        return spark.createDataFrame(rows, StructType.fromDDL("category STRING NOT NULL"));
    }
}
