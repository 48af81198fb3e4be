package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.col;

import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.silver.OfferCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The gap marts' offer counts from bridges written by hand in the tests, through the pipeline's own path. */
final class GapInputs {
    private GapInputs() {}

    /** Offers serving each (month, unit, dimension, value), from one bridge per target group. */
    static Dataset<Row> serving(Dataset<Row> active, Dataset<Row> history, Map<TargetGroup, Dataset<Row>> bridges,
                                Map<TargetGroup, List<String>> codes) {
        Map<String, Dataset<Row>> byDimension = new LinkedHashMap<>();
        bridges.forEach((group, bridge) -> byDimension.put(group.code(), bridge));
        Map<String, List<String>> openCodes = new LinkedHashMap<>();
        codes.forEach((group, values) -> openCodes.put(group.code(), values));
        return CoverageGaps.offersServing(active, CoverageGaps.versionProfiles(history, OfferCodes.combine(byDimension)), openCodes);
    }

    /** Active offers per month, Gemeinde and category, from the category bridge. */
    static Dataset<Row> categoryCounts(Dataset<Row> active, Dataset<Row> history, Dataset<Row> categories) {
        return CoverageGaps.offersServing(active, CoverageGaps.versionProfiles(history, OfferCodes.combine(Map.of("category", categories))),
                        Map.of())
                .select(col("month"), col("org_unit_id"), col("value").as("category"), col("offers_active"));
    }
}
