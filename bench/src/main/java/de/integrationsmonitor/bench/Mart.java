package de.integrationsmonitor.bench;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;

/**
 * The published marts the baseline recomputes, with the key and the value columns the data contract
 * names for each (more columns may exist in gold; only these are compared). The baseline's DuckDB
 * tables carry the gold table's name.
 */
public enum Mart {
    COVERAGE_GAPS(TableCatalog.GOLD_COVERAGE_GAPS, List.of("month", "org_unit_id", "dimension", "value"),
            List.of("demand_persons", "offers_active", "expected_offers", "coverage_index", "shortfall", "is_gap")),
    KPI_MONTHLY(TableCatalog.GOLD_KPI_MONTHLY, List.of("month", "org_unit_id"),
            List.of("offers_active", "offers_new", "offers_ended", "events", "participants", "participants_female",
                    "participants_newcomers", "workshops", "workshop_participants")),
    INDICATOR_ATTAINMENT(TableCatalog.GOLD_INDICATOR_ATTAINMENT, List.of("project_id", "indicator_id", "period"),
            List.of("value", "baseline", "target", "attainment", "status"));

    private final TableDef table;
    private final List<String> keyColumns;
    private final List<String> valueColumns;

    Mart(TableDef table, List<String> keyColumns, List<String> valueColumns) {
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
        for (String column : columns()) {
            table.schema().apply(column); // fails at class load if the contract column is not in the catalog
        }
    }

    public TableDef table() {
        return table;
    }

    /** The table name, e.g. {@code coverage_gaps}; the gold table is {@code gold.<name>}. */
    public String tableName() {
        return table.name();
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    public List<String> valueColumns() {
        return valueColumns;
    }

    /** Key columns, then value columns: the order of every row of a {@link MartRows}. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.addAll(valueColumns);
        return columns;
    }

    /** The column's type in the catalog (bigint, double, string or boolean for these marts). */
    public DataType type(String column) {
        return table.schema().apply(column).dataType();
    }
}
