package de.integrationsmonitor.pipelines.gold.dims;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.dim_indicators}: the indicator definitions of silver, without the lineage of the delivered file. */
public final class IndicatorDimension {
    private IndicatorDimension() {}

    /** @param indicators silver.model_projects__indicators */
    public static Dataset<Row> from(Dataset<Row> indicators) {
        return indicators.select("indicator_id", "name", "unit", "direction", "target", "baseline", "period_type", "description");
    }
}
