package de.integrationsmonitor.pipelines.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Compares frames as ordered lists of plain Java values. */
public final class Rows {
    private Rows() {}

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** The selected columns of every row, sorted by all columns, as lists of values. */
    public static List<List<Object>> rows(Dataset<Row> frame, String... columns) {
        Dataset<Row> selected = columns.length == 0 ? frame : frame.selectExpr(columns);
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : selected.orderBy(selected.columns()[0], Arrays.copyOfRange(selected.columns(), 1, selected.columns().length))
                .collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                Object value = row.get(i);
                values.add(value instanceof java.sql.Date date ? date.toLocalDate().toString() : value);
            }
            rows.add(values);
        }
        return rows;
    }
}
