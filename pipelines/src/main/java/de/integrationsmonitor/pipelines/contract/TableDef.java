package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** One table of the warehouse: its layer, name, schema, partitioning and meaning. */
public record TableDef(Layer layer, String name, StructType schema, List<String> partitionColumns, String description,
                       List<QualityCheck> checks) {

    public TableDef {
        requireNonNull(layer, "layer is null");
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(description, "description is null");
        partitionColumns = List.copyOf(partitionColumns);
        checks = List.copyOf(checks);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("table name must be snake_case: " + name);
        }
    }

    public TableDef(Layer layer, String name, StructType schema, List<String> partitionColumns, String description) {
        this(layer, name, schema, partitionColumns, description, List.of());
    }

    /** The same table with data-quality checks declared next to it. */
    public TableDef withChecks(QualityCheck... checks) {
        return new TableDef(layer, name, schema, partitionColumns, description, List.of(checks));
    }

    /** The name used in SQL, e.g. {@code gold.kpi_monthly}. */
    public String qualifiedName() {
        return layer.schemaName() + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }
}
