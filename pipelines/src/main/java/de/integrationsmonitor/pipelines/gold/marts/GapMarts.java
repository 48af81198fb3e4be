package de.integrationsmonitor.pipelines.gold.marts;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The coverage marts of the computed months ({@code gold.coverage_gaps}, {@code gold.coverage_gaps_districts},
 * {@code gold.supply_matrix}, {@code gold.offer_access}) from the month's active offers. What they share is computed once and held until
 * {@link #close()}: the offers' code profiles per version, the offer counts per Gemeinde and the Gemeinde rows (the
 * district rows need their area rates).
 */
public final class GapMarts implements AutoCloseable {
    private final Dataset<Row> gaps;
    private final Dataset<Row> districts;
    private final Dataset<Row> supply;
    private final Dataset<Row> access;
    private final List<Dataset<Row>> cached;

    private GapMarts(Dataset<Row> gaps, Dataset<Row> districts, Dataset<Row> supply, Dataset<Row> access,
                     List<Dataset<Row>> cached) {
        this.gaps = gaps;
        this.districts = districts;
        this.supply = supply;
        this.access = access;
        this.cached = cached;
    }

    /**
     * @param months       the computed months ({@code month})
     * @param activeOffers {@code gold.fct_offers_active_monthly} of those months
     * @param history      {@code silver.offers__history}
     * @param offerCodes   {@code silver.offers__codes}
     * @param codes        every code of each dimension with an "open to all" and of the categories
     */
    public static GapMarts of(SparkSession spark, Dataset<Row> months, Dataset<Row> activeOffers, Dataset<Row> history,
                              Dataset<Row> offerCodes, Dataset<Row> orgUnits, Dataset<Row> demand,
                              Map<String, List<String>> codes, GapThresholds thresholds) {
        requireNonNull(thresholds, "thresholds is null");
        Map<String, List<String>> openCodes = new LinkedHashMap<>();
        for (TargetGroup group : List.of(TargetGroup.AGE_GROUP, TargetGroup.GENDER, TargetGroup.MIGRATION)) {
            openCodes.put(group.code(), codes.getOrDefault(group.code(), List.of()));
        }
        // a few rows per offer version; read by the Gemeinde and the Stadtteil counts
        Dataset<Row> profiles = CoverageGaps.versionProfiles(history, offerCodes).cache();
        // every dimension's counts, the categories' too, in one aggregation; small (month x Gemeinde x value)
        Dataset<Row> serving = CoverageGaps.offersServing(activeOffers, profiles, openCodes).cache();
        Dataset<Row> targetGroups = serving.filter(col("dimension").isin(TargetGroup.codes().toArray()));
        Dataset<Row> gemeindeRows = CoverageGaps.gemeindeRows(months, targetGroups, demand, orgUnits).cache();
        gemeindeRows.count();
        Dataset<Row> districtServing = CoverageGaps.offersServing(
                        CoverageGaps.offersInDistricts(activeOffers, history, orgUnits), profiles, openCodes)
                .filter(col("dimension").isin(TargetGroup.codes().toArray()));
        Dataset<Row> categoryCounts = serving.filter(col("dimension").equalTo(Vocabularies.CATEGORY))
                .select(col("month"), col("org_unit_id"), col("value").as("category"), col("offers_active"));
        return new GapMarts(CoverageGaps.gaps(gemeindeRows, orgUnits, thresholds),
                CoverageGaps.districtGaps(months, gemeindeRows, districtServing, demand, orgUnits, thresholds),
                SupplyMatrix.supply(spark, months, categoryCounts, orgUnits, codes.get(Vocabularies.CATEGORY)),
                OfferAccess.access(spark, gemeindeRows, orgUnits, thresholds),
                List.of(gemeindeRows, serving, profiles));
    }

    /** {@code gold.coverage_gaps} of the computed months. */
    public Dataset<Row> gaps() {
        return gaps;
    }

    /** {@code gold.coverage_gaps_districts} of the computed months. */
    public Dataset<Row> districts() {
        return districts;
    }

    /** {@code gold.supply_matrix} of the computed months. */
    public Dataset<Row> supply() {
        return supply;
    }

    /** {@code gold.offer_access} of the computed months (empty where no Gemeinde has a centre). */
    public Dataset<Row> access() {
        return access;
    }

    /** Drops what the marts shared. */
    @Override
    public void close() {
        cached.forEach(Dataset::unpersist);
    }
}
