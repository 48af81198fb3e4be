package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.Catchment;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.offer_access}: offers reachable across municipal borders, by the enhanced two-step floating catchment
 * area method (E2SFCA, Luo &amp; Qi 2009, with the Gaussian weight of Dai 2010) on the Gemeinden that have a centre.
 *
 * <p>Step 1 gives each Gemeinde j with offers for a (dimension, value) its supply-to-demand ratio
 * R(j) = offers(j) / Σ_k w(d(k, j)) · P(k), the demand weighted by distance over every Gemeinde k within the catchment,
 * in any Kreis. Step 2 sums for each Gemeinde i the ratios it reaches: access(i) = Σ_j w(d(i, j)) · R(j). The weight
 * falls from 1 at distance 0 to 0 at the catchment radius d0, so only pairs of Gemeinden closer than d0 take part:
 * they are found once on the driver (a sweep over the centres sorted by latitude) and joined as a small local
 * relation, which keeps the mart linear in its rows instead of quadratic in the Gemeinden.
 */
public final class OfferAccess {
    private static final double KM_PER_DEGREE_LATITUDE = Math.PI * Catchment.EARTH_RADIUS_KM / 180.0;
    private static final StructType PAIRS = StructType.fromDDL("from_id STRING, to_id STRING, weight DOUBLE");

    private OfferAccess() {}

    /** A Gemeinde's centre in WGS84 degrees. */
    public record Centre(String orgUnitId, double lat, double lon) {}

    /**
     * Every ordered pair of centres with a positive weight (closer than {@code d0}), each centre with itself (weight 1)
     * included. Sorted by latitude, a centre is compared only with those less than d0 km further north or south.
     */
    public static List<Row> pairs(List<Centre> centres, double d0) {
        List<Centre> byLatitude = new ArrayList<>(centres);
        byLatitude.sort(Comparator.comparingDouble(Centre::lat));
        double band = d0 / KM_PER_DEGREE_LATITUDE;
        List<Row> pairs = new ArrayList<>();
        for (int a = 0; a < byLatitude.size(); a++) {
            Centre from = byLatitude.get(a);
            pairs.add(RowFactory.create(from.orgUnitId(), from.orgUnitId(), 1.0));
            for (int b = a + 1; b < byLatitude.size() && byLatitude.get(b).lat() - from.lat() <= band; b++) {
                Centre to = byLatitude.get(b);
                double w = Catchment.weight(Catchment.distanceKm(from.lat(), from.lon(), to.lat(), to.lon()), d0);
                if (w > 0) {
                    pairs.add(RowFactory.create(from.orgUnitId(), to.orgUnitId(), w));
                    pairs.add(RowFactory.create(to.orgUnitId(), from.orgUnitId(), w));
                }
            }
        }
        return pairs;
    }

    /** The centres of the Gemeinden that have one ({@code lat} and {@code lon} not null), read on the driver. */
    public static List<Centre> gemeindeCentres(Dataset<Row> orgUnits) {
        return orgUnits.filter(col("level").equalTo(OrgLevel.GEMEINDE.code()).and(col("lat").isNotNull()).and(col("lon").isNotNull()))
                .select("org_unit_id", "lat", "lon").collectAsList().stream()
                .map(r -> new Centre(r.getString(0), r.getDouble(1), r.getDouble(2)))
                .toList();
    }

    /**
     * The published rows (data contract, gold.offer_access) for the Gemeinde rows of {@code coverage_gaps}.
     *
     * @param gemeindeRows {@link CoverageGaps#gemeindeRows}: month, org_unit_id, dimension, value, demand_persons,
     *                     offers_active
     * @param orgUnits     the org units with level, kreis_id, regierungsbezirk_id, lat and lon
     */
    public static Dataset<Row> access(SparkSession spark, Dataset<Row> gemeindeRows, Dataset<Row> orgUnits, GapThresholds thresholds) {
        List<Centre> centres = gemeindeCentres(orgUnits);
        Dataset<Row> pairs = spark.createDataFrame(pairs(centres, thresholds.catchmentKm()), PAIRS);
        Dataset<Row> located = spark.createDataFrame(centres.stream().map(c -> RowFactory.create(c.orgUnitId())).toList(),
                StructType.fromDDL("org_unit_id STRING"));
        Dataset<Row> rows = Frames.joinOn(gemeindeRows, located, "left_semi", "org_unit_id");

        // step 1: per Gemeinde with offers, the offers over the weighted demand around it
        Dataset<Row> weightedDemand = rows.filter(col("demand_persons").gt(0))
                .join(pairs, col("org_unit_id").equalTo(pairs.col("from_id")))
                .groupBy(col("month"), col("to_id").as("supply_id"), col("dimension"), col("value"))
                .agg(sum(col("weight").multiply(col("demand_persons"))).as("weighted_demand"));
        Dataset<Row> ratios = Frames.joinOn(rows.filter(col("offers_active").gt(0))
                                .select(col("month"), col("org_unit_id").as("supply_id"), col("dimension"), col("value"), col("offers_active")),
                        weightedDemand, "left", "month", "supply_id", "dimension", "value")
                .select(col("month"), col("supply_id"), col("dimension"), col("value"),
                        when(coalesce(col("weighted_demand"), lit(0.0)).gt(0),
                                col("offers_active").cast("double").divide(col("weighted_demand"))).otherwise(lit(0.0)).as("ratio"));

        // step 2: per Gemeinde, the ratios it reaches, weighted by distance
        Dataset<Row> reached = ratios.join(pairs, col("supply_id").equalTo(pairs.col("to_id")))
                .groupBy(col("month"), col("from_id").as("org_unit_id"), col("dimension"), col("value"))
                .agg(sum(col("weight").multiply(col("ratio"))).as("access"));
        Dataset<Row> measured = Frames.joinOn(rows, reached, "left", "month", "org_unit_id", "dimension", "value")
                .withColumn("access", coalesce(col("access"), lit(0.0)));

        // the reference area's mean access, weighted by demand, over its Gemeinden with a centre
        Dataset<Row> regions = Frames.joinOn(measured, CoverageGaps.areaMembership(orgUnits), "inner", "org_unit_id")
                .groupBy("month", "area_id", "dimension", "value")
                .agg(sum(col("access").multiply(col("demand_persons"))).as("area_access_demand"),
                        sum("demand_persons").as("area_demand"));
        Column region = when(col("area_demand").gt(0), col("area_access_demand").multiply(10_000.0).divide(col("area_demand")));
        Column ratio = when(col("region_access_per_10k").gt(0), col("access_per_10k").divide(col("region_access_per_10k")));
        return Frames.joinOn(Frames.joinOn(measured, CoverageGaps.referenceAreas(orgUnits), "inner", "org_unit_id"), regions,
                        "left", "month", "area_id", "dimension", "value")
                .withColumn("access_per_10k", col("access").multiply(10_000.0))
                .withColumn("region_access_per_10k", region)
                .withColumn("access_ratio", ratio)
                .withColumn("is_access_gap", col("demand_persons").geq(thresholds.minDemand())
                        .and(col("access_per_10k").equalTo(0)
                                .or(coalesce(col("access_ratio").lt(thresholds.coverageIndexLimit()), lit(false)))))
                .select("month", "org_unit_id", "dimension", "value", "demand_persons", "access_per_10k", "region_access_per_10k",
                        "access_ratio", "is_access_gap");
    }
}
