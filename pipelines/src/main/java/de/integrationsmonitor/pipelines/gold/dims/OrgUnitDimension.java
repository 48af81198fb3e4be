package de.integrationsmonitor.pipelines.gold.dims;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.dim_org_units}: the org-unit hierarchy of silver, without the lineage of the delivered file. */
public final class OrgUnitDimension {
    private OrgUnitDimension() {}

    /** @param orgUnits silver.reference__org_units */
    public static Dataset<Row> from(Dataset<Row> orgUnits) {
        return orgUnits.select("org_unit_id", "name", "level", "parent_id", "population", "population_foreign", "newcomers_12m",
                "kreis_id", "regierungsbezirk_id", "lat", "lon");
    }
}
