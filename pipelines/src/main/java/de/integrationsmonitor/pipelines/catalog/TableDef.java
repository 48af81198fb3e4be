package de.integrationsmonitor.pipelines.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/** One table of the warehouse: its layer, name, schema, partitioning and meaning. */
public record TableDef(Layer layer, String name, StructType schema, List<String> partitionColumns, String description) {

    public TableDef {
        requireNonNull(layer, "layer is null");
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(description, "description is null");
        partitionColumns = List.copyOf(partitionColumns);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("table name must be snake_case: " + name);
        }
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
