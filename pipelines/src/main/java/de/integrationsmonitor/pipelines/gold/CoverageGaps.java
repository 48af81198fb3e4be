package de.integrationsmonitor.pipelines.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.silver.OrgUnits;
import de.integrationsmonitor.pipelines.spark.Frames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.coverage_gaps}, following the data contract's method: per month, Gemeinde, dimension and
 * value, the demand (rolled up from Stadtteile where the Gemeinde has no own row), the active offers
 * serving it (an offer open to all serves every code), the offers expected at the reference area's
 * rate, shortfall, coverage index and whether it is a gap.
 */
public final class CoverageGaps {
    /** Dimension name to the bridge code column of its silver table. */
    public static final List<String> DIMENSIONS = List.of("language", "age_group", "gender", "migration");

    /** Thresholds of the gap rule (conf: gaps.min-demand, gaps.coverage-index-limit). */
    public record Thresholds(long minDemand, double coverageIndexLimit) {}

    private CoverageGaps() {}

    /**
     * Offers serving (month, Gemeinde, dimension, value): explicit bridge codes, plus every code of the
     * dimension for offers open to all in it. Language has no "open to all" (an empty field means de).
     */
    public static Dataset<Row> offersServing(SparkSession spark, Dataset<Row> offersActive, Dataset<Row> offerHistory,
                                             Map<String, Dataset<Row>> bridges, Map<String, List<String>> codes) {
        Dataset<Row> active = Frames.joinOn(offersActive, offerHistory.select("offer_id", "snapshot_date",
                "is_open_to_all_genders", "is_open_to_all_age_groups", "is_open_to_all_migration"), "inner", "offer_id", "snapshot_date");
        Dataset<Row> served = null;
        for (String dimension : DIMENSIONS) {
            Dataset<Row> explicit = Frames.joinOn(active, bridges.get(dimension).withColumnRenamed(dimension, "value"),
                    "inner", "snapshot_date", "offer_id")
                    .select(col("month"), col("org_unit_id"), lit(dimension).as("dimension"), col("value"), col("offer_id"));
            served = served == null ? explicit : served.unionByName(explicit);
            String openFlag = switch (dimension) {
                case "gender" -> "is_open_to_all_genders";
                case "age_group" -> "is_open_to_all_age_groups";
                case "migration" -> "is_open_to_all_migration";
                default -> null;
            };
            if (openFlag != null) {
                Dataset<Row> allCodes = codeFrame(spark, codes.get(dimension));
                Dataset<Row> open = active.filter(col(openFlag)).crossJoin(allCodes)
                        .select(col("month"), col("org_unit_id"), lit(dimension).as("dimension"), col("value"), col("offer_id"));
                served = served.unionByName(open);
            }
        }
        return served.groupBy("month", "org_unit_id", "dimension", "value").agg(countDistinct("offer_id").as("offers_active"));
    }

    /** Demand per Gemeinde: its own rows, and the sum of its Stadtteile only where it has no row of its own. */
    public static Dataset<Row> demandRolledUp(Dataset<Row> demand, Dataset<Row> orgUnits) {
        Dataset<Row> units = orgUnits.select("org_unit_id", "level", "parent_id");
        Dataset<Row> withLevel = Frames.joinOn(demand, units, "inner", "org_unit_id");
        Dataset<Row> own = withLevel.filter(col("level").equalTo(OrgUnits.GEMEINDE))
                .select("org_unit_id", "dimension", "value", "persons");
        Dataset<Row> fromStadtteile = withLevel.filter(col("level").equalTo(OrgUnits.STADTTEIL))
                .groupBy(col("parent_id").as("org_unit_id"), col("dimension"), col("value"))
                .agg(sum("persons").as("persons"));
        Dataset<Row> missingOwn = fromStadtteile.join(own,
                fromStadtteile.col("org_unit_id").equalTo(own.col("org_unit_id"))
                        .and(fromStadtteile.col("dimension").equalTo(own.col("dimension")))
                        .and(fromStadtteile.col("value").equalTo(own.col("value"))), "left_anti");
        return own.unionByName(missingOwn);
    }

    /**
     * The reference area of each Gemeinde: its Kreis, or the Regierungsbezirk where the Kreis has a
     * single Gemeinde (kreisfreie Stadt).
     */
    public static Dataset<Row> referenceAreas(Dataset<Row> orgUnits) {
        Dataset<Row> gemeinden = orgUnits.filter(col("level").equalTo(OrgUnits.GEMEINDE))
                .select("org_unit_id", "kreis_id", "regierungsbezirk_id");
        Dataset<Row> perKreis = gemeinden.groupBy("kreis_id").count();
        return Frames.joinOn(gemeinden, perKreis, "inner", "kreis_id")
                .select(col("org_unit_id"),
                        when(col("count").equalTo(1), col("regierungsbezirk_id")).otherwise(col("kreis_id")).as("area_id"));
    }

    public static Dataset<Row> gaps(Dataset<Row> months, Dataset<Row> offersServing, Dataset<Row> demand,
                                    Dataset<Row> orgUnits, Thresholds thresholds) {
        Dataset<Row> areas = referenceAreas(orgUnits);
        Dataset<Row> demandByMonth = months.select("month").crossJoin(demandRolledUp(demand, orgUnits));
        Dataset<Row> keys = demandByMonth.select("month", "org_unit_id", "dimension", "value")
                .unionByName(offersServing.select("month", "org_unit_id", "dimension", "value")).distinct();
        Dataset<Row> rows = Frames.joinOn(keys, demandByMonth, "left", "month", "org_unit_id", "dimension", "value");
        rows = Frames.joinOn(rows, offersServing, "left", "month", "org_unit_id", "dimension", "value");
        rows = Frames.joinOn(rows, areas, "inner", "org_unit_id")
                .withColumn("demand_persons", coalesce(col("persons"), lit(0L)))
                .withColumn("offers_active", coalesce(col("offers_active"), lit(0L)));
        // The rate of an area sums over all its Gemeinden, whatever their own reference area is.
        Dataset<Row> membership = orgUnits.filter(col("level").equalTo(OrgUnits.GEMEINDE)).select("org_unit_id", "kreis_id", "regierungsbezirk_id");
        Dataset<Row> withMembership = Frames.joinOn(rows, membership, "inner", "org_unit_id");
        Dataset<Row> areaTotals = withMembership.groupBy(col("month"), col("kreis_id").as("area_id"), col("dimension"), col("value"))
                .agg(sum("offers_active").as("area_offers"), sum("demand_persons").as("area_demand"))
                .unionByName(withMembership.groupBy(col("month"), col("regierungsbezirk_id").as("area_id"), col("dimension"), col("value"))
                        .agg(sum("offers_active").as("area_offers"), sum("demand_persons").as("area_demand")));
        Column expected = when(col("area_demand").gt(0),
                col("demand_persons").multiply(col("area_offers").cast("double")).divide(col("area_demand"))).otherwise(lit(0.0));
        Column coverage = when(col("expected_offers").equalTo(0), lit(null).cast("double"))
                .otherwise(col("offers_active").cast("double").divide(col("expected_offers")));
        return Frames.joinOn(rows, areaTotals, "inner", "month", "area_id", "dimension", "value")
                .withColumn("expected_offers", expected)
                .withColumn("coverage_index", coverage)
                .withColumn("shortfall", col("expected_offers").minus(col("offers_active")))
                .withColumn("is_gap", col("demand_persons").geq(thresholds.minDemand())
                        .and(col("offers_active").equalTo(0).or(coalesce(col("coverage_index").lt(thresholds.coverageIndexLimit()), lit(false)))))
                .select("month", "org_unit_id", "dimension", "value", "demand_persons", "offers_active", "expected_offers",
                        "coverage_index", "shortfall", "is_gap");
    }

    private static Dataset<Row> codeFrame(SparkSession spark, List<String> codes) {
        List<Row> rows = new ArrayList<>();
        codes.forEach(code -> rows.add(RowFactory.create(code)));
        return spark.createDataFrame(rows, StructType.fromDDL("value STRING NOT NULL"));
    }
}
