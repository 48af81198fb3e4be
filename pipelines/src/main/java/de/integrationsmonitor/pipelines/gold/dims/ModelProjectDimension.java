package de.integrationsmonitor.pipelines.gold.dims;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code gold.dim_model_projects}: the model projects of silver, without the lineage of the delivered file. */
public final class ModelProjectDimension {
    private ModelProjectDimension() {}

    /** @param projects silver.model_projects__projects */
    public static Dataset<Row> from(Dataset<Row> projects) {
        return projects.select("project_id", "program", "org_unit_id", "title", "target_group", "start_date", "end_date");
    }
}
