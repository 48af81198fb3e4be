package de.integrationsmonitor.pipelines.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The coded fields of the offers ({@code silver.offers__codes}) as bridges: a bridge is offer x code per snapshot
 * for one dimension, with the code in a column named after the dimension ({@code snapshot_date, offer_id, language}).
 */
public final class OfferCodes {
    /** The dimensions of {@code silver.offers__codes}: the category, then the four target groups. */
    public static final List<String> DIMENSIONS = List.of(Vocabularies.CATEGORY, TargetGroup.LANGUAGE.code(),
            TargetGroup.AGE_GROUP.code(), TargetGroup.GENDER.code(), TargetGroup.MIGRATION.code());

    private OfferCodes() {}

    /** The rows of {@code silver.offers__codes} from the bridges by dimension. */
    public static Dataset<Row> combine(Map<String, Dataset<Row>> bridges) {
        Dataset<Row> codes = null;
        for (Map.Entry<String, Dataset<Row>> bridge : bridges.entrySet()) {
            Dataset<Row> rows = bridge.getValue().select(col("snapshot_date"), col("offer_id"),
                    lit(bridge.getKey()).as("dimension"), col(bridge.getKey()).as("code"));
            codes = codes == null ? rows : codes.unionAll(rows);
        }
        if (codes == null) {
            throw new IllegalArgumentException("no bridges");
        }
        return codes;
    }

    /** The bridge of one dimension from the rows of {@code silver.offers__codes}. */
    public static Dataset<Row> bridge(Dataset<Row> codes, String dimension) {
        if (!DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("not a dimension of " + TableCatalog.SILVER_OFFER_CODES + ": " + dimension);
        }
        return codes.filter(col("dimension").equalTo(lit(dimension)))
                .select(col("snapshot_date"), col("offer_id"), col("code").as(dimension));
    }

    /** The bridge of one target-group dimension. */
    public static Dataset<Row> bridge(Dataset<Row> codes, TargetGroup group) {
        return bridge(codes, group.code());
    }

    /** Every dimension's bridge, by dimension ({@link #DIMENSIONS} order). */
    public static Map<String, Dataset<Row>> bridges(Dataset<Row> codes) {
        Map<String, Dataset<Row>> bridges = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> bridges.put(dimension, bridge(codes, dimension)));
        return bridges;
    }
}
