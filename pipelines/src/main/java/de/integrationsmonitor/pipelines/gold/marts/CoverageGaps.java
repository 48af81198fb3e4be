package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code gold.coverage_gaps}, following the data contract's method: per month, Gemeinde, dimension and
 * value, the demand (rolled up from Stadtteile where the Gemeinde has no own row), the active offers
 * serving it (an offer open to all serves every code), the offers expected at the reference area's
 * rate, shortfall, coverage index and whether it is a gap.
 */
public final class CoverageGaps {

    /** The profile of an offer version that is open to all in a dimension: it serves every code of the dimension. */
    static final String OPEN_TO_ALL = "*";

    private CoverageGaps() {}

    /**
     * What each offer version serves, per dimension: {@code snapshot_date, offer_id, dimension, profile}, where the
     * profile is the version's codes of the dimension, sorted and joined with {@code |}, or {@value #OPEN_TO_ALL} when
     * the version is open to all in it (whatever codes it also names). A version without a code in a dimension and
     * not open in it has no row for it. Many versions share a profile, so counting offers per profile and expanding
     * the profiles to codes afterwards ({@link #offersServing}) replaces a join of every active offer with each of
     * its codes by one join with a row per dimension.
     *
     * @param offerHistory the versions ({@code silver.offers__history}: offer_id, snapshot_date, the open-to-all flags)
     * @param offerCodes   {@code silver.offers__codes} (snapshot_date, offer_id, dimension, code); only the rows of the
     *                     history's versions are read
     */
    public static Dataset<Row> versionProfiles(Dataset<Row> offerHistory, Dataset<Row> offerCodes) {
        Dataset<Row> versions = offerHistory.select(col("snapshot_date"), col("offer_id"),
                coalesce(col("is_open_to_all_genders"), lit(false)).as("open_gender"),
                coalesce(col("is_open_to_all_age_groups"), lit(false)).as("open_age_group"),
                coalesce(col("is_open_to_all_migration"), lit(false)).as("open_migration"));
        Column openInDimension = when(col("dimension").equalTo(TargetGroup.GENDER.code()), col("open_gender"))
                .when(col("dimension").equalTo(TargetGroup.AGE_GROUP.code()), col("open_age_group"))
                .when(col("dimension").equalTo(TargetGroup.MIGRATION.code()), col("open_migration"))
                .otherwise(lit(false));
        // the bridge rows of the history's versions only: a few per offer rather than one per offer and snapshot
        Dataset<Row> explicit = Frames.joinOn(offerCodes, broadcast(versions.select("snapshot_date", "offer_id")), "left_semi",
                        "snapshot_date", "offer_id")
                .groupBy("snapshot_date", "offer_id", "dimension")
                .agg(concat_ws("|", sort_array(collect_list(col("code")))).as("profile"));
        Dataset<Row> specific = Frames.joinOn(explicit, versions, "inner", "snapshot_date", "offer_id")
                .filter(not(openInDimension))
                .select("snapshot_date", "offer_id", "dimension", "profile");
        Dataset<Row> open = versions.select(col("snapshot_date"), col("offer_id"), explode(array(
                        when(col("open_gender"), lit(TargetGroup.GENDER.code())),
                        when(col("open_age_group"), lit(TargetGroup.AGE_GROUP.code())),
                        when(col("open_migration"), lit(TargetGroup.MIGRATION.code())))).as("dimension"))
                .filter(col("dimension").isNotNull())
                .select(col("snapshot_date"), col("offer_id"), col("dimension"), lit(OPEN_TO_ALL).as("profile"));
        return specific.unionByName(open);
    }

    /**
     * Offers serving (month, unit, dimension, value) of the given active offers: each offer counted once for every
     * code of its profile in the dimension, an offer open to all once for every code of the dimension ({@code codes};
     * language has no "open to all": an empty field means de). Counted per month, unit, dimension and profile first,
     * then expanded to codes.
     *
     * @param offersActive active offers (month, offer_id, org_unit_id, snapshot_date)
     * @param profiles     {@link #versionProfiles}
     * @param codes        every code of each dimension that has an "open to all"
     */
    public static Dataset<Row> offersServing(Dataset<Row> offersActive, Dataset<Row> profiles, Map<String, List<String>> codes) {
        Column openCodes = lit(null).cast("array<string>");
        for (Map.Entry<String, List<String>> dimension : codes.entrySet()) {
            Column values = dimension.getValue().isEmpty() ? array().cast("array<string>")
                    : array(dimension.getValue().stream().map(functions::lit).toArray(Column[]::new));
            openCodes = when(col("dimension").equalTo(dimension.getKey()), values).otherwise(openCodes);
        }
        Column values = when(col("profile").equalTo(OPEN_TO_ALL), coalesce(openCodes, array().cast("array<string>")))
                .otherwise(split(col("profile"), "\\|"));
        return Frames.joinOn(offersActive.select("month", "org_unit_id", "snapshot_date", "offer_id"), profiles, "inner",
                        "snapshot_date", "offer_id")
                .groupBy("month", "org_unit_id", "dimension", "profile").agg(count(lit(1)).as("offers"))
                .select(col("month"), col("org_unit_id"), col("dimension"), explode(values).as("value"), col("offers"))
                .groupBy("month", "org_unit_id", "dimension", "value").agg(sum("offers").as("offers_active"));
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
        Dataset<Row> rows = Frames.joinOn(demandByMonth, offers, "full_outer", "month", "org_unit_id", "dimension", "value")
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
        // one full outer join on the key: every key with demand, an offer or both, once
        return Frames.joinOn(demandByMonth, Frames.joinOn(offersServing, broadcast(gemeinden), "left_semi", "org_unit_id"),
                        "full_outer", "month", "org_unit_id", "dimension", "value")
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
}
