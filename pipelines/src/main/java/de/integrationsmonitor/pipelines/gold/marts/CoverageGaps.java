package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.warehouse.Frames;
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

    private CoverageGaps() {}

    /**
     * Offers serving (month, Gemeinde, dimension, value): explicit bridge codes, plus every code of the
     * dimension for offers open to all in it. Language has no "open to all" (an empty field means de).
     * An open offer serves every code whatever its explicit codes, so it is counted once per code
     * (through a count per month and Gemeinde, not a row per offer and code); the others are counted
     * by their codes.
     *
     * @param bridges the silver bridge table of every target-group dimension (its code column is the dimension's code)
     * @param codes every code of each dimension that has an "open to all" (all but language)
     */
    public static Dataset<Row> offersServing(SparkSession spark, Dataset<Row> offersActive, Dataset<Row> offerHistory,
                                             Map<TargetGroup, Dataset<Row>> bridges, Map<TargetGroup, List<String>> codes) {
        Dataset<Row> versions = offerHistory.select("offer_id", "snapshot_date", "is_open_to_all_genders",
                "is_open_to_all_age_groups", "is_open_to_all_migration");
        Dataset<Row> active = Frames.joinOn(offersActive, versions, "inner", "offer_id", "snapshot_date");
        Dataset<Row> served = null;
        for (TargetGroup dimension : TargetGroup.values()) {
            String openFlag = switch (dimension) {
                case LANGUAGE -> null;
                case AGE_GROUP -> "is_open_to_all_age_groups";
                case GENDER -> "is_open_to_all_genders";
                case MIGRATION -> "is_open_to_all_migration";
            };
            Dataset<Row> specific = openFlag == null ? active : active.filter(not(coalesce(col(openFlag), lit(false))));
            Dataset<Row> versionCodes = codesOf(bridges.get(dimension).withColumnRenamed(dimension.code(), "value"), versions);
            Dataset<Row> explicit = Frames.joinOn(specific, versionCodes, "inner", "snapshot_date", "offer_id")
                    .groupBy(col("month"), col("org_unit_id"), lit(dimension.code()).as("dimension"), col("value"))
                    .agg(count(lit(1)).as("offers_active"));
            served = served == null ? explicit : served.unionByName(explicit);
            if (openFlag != null) {
                Dataset<Row> open = active.filter(col(openFlag)).groupBy("month", "org_unit_id").agg(count(lit(1)).as("offers_active"))
                        .crossJoin(codeFrame(spark, codes.get(dimension)))
                        .select(col("month"), col("org_unit_id"), lit(dimension.code()).as("dimension"), col("value"), col("offers_active"));
                served = served.unionByName(open);
            }
        }
        return served.groupBy("month", "org_unit_id", "dimension", "value").agg(sum("offers_active").as("offers_active"));
    }

    /**
     * The bridge rows of the given offer versions ({@code snapshot_date}, {@code offer_id}) only: a few
     * per offer rather than one per offer and snapshot (a Land's 60 snapshots), small enough for the
     * join with the active offers of every month to be a broadcast instead of a shuffle of both sides.
     */
    static Dataset<Row> codesOf(Dataset<Row> bridge, Dataset<Row> versions) {
        return Frames.joinOn(bridge, broadcast(versions.select("snapshot_date", "offer_id")), "left_semi", "snapshot_date", "offer_id");
    }

    /** Demand per Gemeinde: its own rows, and the sum of its Stadtteile only where it has no row of its own. */
    public static Dataset<Row> demandRolledUp(Dataset<Row> demand, Dataset<Row> orgUnits) {
        Dataset<Row> units = orgUnits.select("org_unit_id", "level", "parent_id");
        Dataset<Row> withLevel = Frames.joinOn(demand, units, "inner", "org_unit_id");
        Dataset<Row> own = withLevel.filter(col("level").equalTo(OrgLevel.GEMEINDE.code()))
                .select("org_unit_id", "dimension", "value", "persons");
        Dataset<Row> fromStadtteile = withLevel.filter(col("level").equalTo(OrgLevel.STADTTEIL.code()))
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
        Dataset<Row> gemeinden = orgUnits.filter(col("level").equalTo(OrgLevel.GEMEINDE.code()))
                .select("org_unit_id", "kreis_id", "regierungsbezirk_id");
        Dataset<Row> perKreis = gemeinden.groupBy("kreis_id").count();
        return Frames.joinOn(gemeinden, perKreis, "inner", "kreis_id")
                .select(col("org_unit_id"),
                        when(col("count").equalTo(1), col("regierungsbezirk_id")).otherwise(col("kreis_id")).as("area_id"));
    }

    /** The published gap rows per covered month and Gemeinde (data contract, gold.coverage_gaps). */
    public static Dataset<Row> gaps(Dataset<Row> months, Dataset<Row> offersServing, Dataset<Row> demand,
                                    Dataset<Row> orgUnits, GapThresholds thresholds) {
        return gaps(gemeindeRows(months, offersServing, demand, orgUnits), orgUnits, thresholds);
    }

    /** The gap rows from {@link #gemeindeRows} (computed once when the district rows need them too). */
    public static Dataset<Row> gaps(Dataset<Row> gemeindeRows, Dataset<Row> orgUnits, GapThresholds thresholds) {
        return measured(Frames.joinOn(gemeindeRows, referenceAreas(orgUnits), "inner", "org_unit_id"),
                areaRates(gemeindeRows, orgUnits), thresholds)
                .select("month", "org_unit_id", "dimension", "value", "demand_persons", "offers_active", "expected_offers",
                        "coverage_index", "shortfall", "is_gap");
    }

    /**
     * The same measures for Stadtteile where demand is known ({@code gold.coverage_gaps_districts}): one row
     * per Stadtteil with at least one demand row, for each value with demand there or an active offer
     * whose Stadtteil field names it. Expected offers use the rate of the Gemeinde's reference area, so a
     * Stadtteil is compared with the same yardstick as its Gemeinde.
     *
     * @param gemeindeRows the Gemeinde rows ({@link #gemeindeRows}), for the area rates
     * @param districtServing offers serving each Stadtteil ({@link #offersServing} over {@link #offersInDistricts})
     */
    public static Dataset<Row> districtGaps(Dataset<Row> months, Dataset<Row> gemeindeRows, Dataset<Row> districtServing,
                                            Dataset<Row> demand, Dataset<Row> orgUnits, GapThresholds thresholds) {
        Dataset<Row> stadtteile = orgUnits.filter(col("level").equalTo(OrgLevel.STADTTEIL.code()))
                .select(col("org_unit_id"), col("parent_id").as("gemeinde_id"));
        Dataset<Row> districtDemand = Frames.joinOn(demand.select("org_unit_id", "dimension", "value", "persons"), stadtteile,
                "inner", "org_unit_id").drop("gemeinde_id");
        Dataset<Row> withDemand = districtDemand.select("org_unit_id").distinct();
        Dataset<Row> demandByMonth = months.select("month").crossJoin(districtDemand);
        Dataset<Row> offers = Frames.joinOn(districtServing, withDemand, "inner", "org_unit_id");
        Dataset<Row> keys = demandByMonth.select("month", "org_unit_id", "dimension", "value")
                .unionByName(offers.select("month", "org_unit_id", "dimension", "value")).distinct();
        Dataset<Row> rows = Frames.joinOn(keys, demandByMonth, "left", "month", "org_unit_id", "dimension", "value");
        rows = Frames.joinOn(rows, offers, "left", "month", "org_unit_id", "dimension", "value")
                .withColumn("demand_persons", coalesce(col("persons"), lit(0L)))
                .withColumn("offers_active", coalesce(col("offers_active"), lit(0L)));
        Dataset<Row> areas = referenceAreas(orgUnits).withColumnRenamed("org_unit_id", "gemeinde_id");
        rows = Frames.joinOn(Frames.joinOn(rows, stadtteile, "inner", "org_unit_id"), areas, "inner", "gemeinde_id");
        Dataset<Row> rates = areaRates(gemeindeRows, orgUnits);
        return measured(rows, rates, thresholds)
                .select("month", "org_unit_id", "gemeinde_id", "dimension", "value", "demand_persons", "offers_active",
                        "expected_offers", "coverage_index", "shortfall", "is_gap");
    }

    /**
     * Active offers placed in a Stadtteil: the offer's Gemeinde is the Stadtteil's parent and its
     * Stadtteil field names the Stadtteil (ignoring case and surrounding space). Same columns as the
     * active offers, with the Stadtteil as org_unit_id.
     */
    public static Dataset<Row> offersInDistricts(Dataset<Row> offersActive, Dataset<Row> offerHistory, Dataset<Row> orgUnits) {
        Dataset<Row> stadtteile = orgUnits.filter(col("level").equalTo(OrgLevel.STADTTEIL.code()))
                .select(col("org_unit_id").as("district_id"), col("parent_id").as("org_unit_id"),
                        lower(trim(col("name"))).as("district_key"));
        Dataset<Row> located = Frames.joinOn(offersActive, offerHistory.select(col("offer_id"), col("snapshot_date"),
                lower(trim(col("district"))).as("district_key")), "inner", "offer_id", "snapshot_date");
        return Frames.joinOn(located, stadtteile, "inner", "org_unit_id", "district_key")
                .select(col("month"), col("offer_id"), col("district_id").as("org_unit_id"), col("snapshot_date"));
    }

    /** Every (month, Gemeinde, dimension, value) with demand after roll-up or an active offer, zeros explicit. */
    public static Dataset<Row> gemeindeRows(Dataset<Row> months, Dataset<Row> offersServing, Dataset<Row> demand, Dataset<Row> orgUnits) {
        Dataset<Row> demandByMonth = months.select("month").crossJoin(demandRolledUp(demand, orgUnits));
        Dataset<Row> gemeinden = orgUnits.filter(col("level").equalTo(OrgLevel.GEMEINDE.code())).select("org_unit_id");
        Dataset<Row> keys = demandByMonth.select("month", "org_unit_id", "dimension", "value")
                .unionByName(Frames.joinOn(offersServing, gemeinden, "inner", "org_unit_id")
                        .select("month", "org_unit_id", "dimension", "value")).distinct();
        Dataset<Row> rows = Frames.joinOn(keys, demandByMonth, "left", "month", "org_unit_id", "dimension", "value");
        return Frames.joinOn(rows, offersServing, "left", "month", "org_unit_id", "dimension", "value")
                .withColumn("demand_persons", coalesce(col("persons"), lit(0L)))
                .withColumn("offers_active", coalesce(col("offers_active"), lit(0L)))
                .select("month", "org_unit_id", "dimension", "value", "demand_persons", "offers_active");
    }

    /**
     * Each Gemeinde's membership in the areas that can be a reference area: its Kreis and its
     * Regierungsbezirk. An area's rate or median runs over all its Gemeinden, whatever their own
     * reference area is.
     */
    static Dataset<Row> areaMembership(Dataset<Row> orgUnits) {
        Dataset<Row> gemeinden = orgUnits.filter(col("level").equalTo(OrgLevel.GEMEINDE.code()));
        return gemeinden.select(col("org_unit_id"), col("kreis_id").as("area_id"))
                .unionByName(gemeinden.select(col("org_unit_id"), col("regierungsbezirk_id").as("area_id")));
    }

    /** Per month, area, dimension and value: the area's active offers and demand over all its Gemeinden. */
    static Dataset<Row> areaRates(Dataset<Row> gemeindeRows, Dataset<Row> orgUnits) {
        return Frames.joinOn(gemeindeRows, areaMembership(orgUnits), "inner", "org_unit_id")
                .groupBy("month", "area_id", "dimension", "value")
                .agg(sum("offers_active").as("area_offers"), sum("demand_persons").as("area_demand"));
    }

    /** Adds expected offers, coverage index, shortfall and is_gap to rows that carry their area_id. */
    private static Dataset<Row> measured(Dataset<Row> rows, Dataset<Row> rates, GapThresholds thresholds) {
        Column expected = when(coalesce(col("area_demand"), lit(0L)).gt(0),
                col("demand_persons").multiply(col("area_offers").cast("double")).divide(col("area_demand"))).otherwise(lit(0.0));
        Column coverage = when(col("expected_offers").equalTo(0), lit(null).cast("double"))
                .otherwise(col("offers_active").cast("double").divide(col("expected_offers")));
        return Frames.joinOn(rows, rates, "left", "month", "area_id", "dimension", "value")
                .withColumn("expected_offers", expected)
                .withColumn("coverage_index", coverage)
                .withColumn("shortfall", col("expected_offers").minus(col("offers_active")))
                .withColumn("is_gap", col("demand_persons").geq(thresholds.minDemand())
                        .and(col("offers_active").equalTo(0).or(coalesce(col("coverage_index").lt(thresholds.coverageIndexLimit()), lit(false)))));
    }

    private static Dataset<Row> codeFrame(SparkSession spark, List<String> codes) {
        List<Row> rows = new ArrayList<>();
        codes.forEach(code -> rows.add(RowFactory.create(code)));
        return spark.createDataFrame(rows, StructType.fromDDL("value STRING NOT NULL"));
    }
}
