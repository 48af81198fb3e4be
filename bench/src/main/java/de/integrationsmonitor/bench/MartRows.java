package de.integrationsmonitor.bench;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * The rows of one mart as plain Java values in {@link Mart#columns()} order: {@code Long} for bigint,
 * {@code Double}, {@code String}, {@code Boolean}, or null. Whichever engine produced them, equal
 * numbers are equal objects here.
 */
public record MartRows(Mart mart, List<List<Object>> rows) {

    public MartRows {
        requireNonNull(mart, "mart is null");
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        int width = mart.columns().size();
        for (List<Object> row : rows) {
            if (row.size() != width) {
                throw new IllegalArgumentException(mart + ": row has " + row.size() + " values, expected " + width + ": " + row);
            }
        }
    }

    /** Reads the mart's columns from a gold table (or any frame with those columns). */
    public static MartRows of(Mart mart, Dataset<Row> frame) {
        List<String> columns = mart.columns();
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : frame.selectExpr(columns.toArray(String[]::new)).collectAsList()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(normalise(mart.type(columns.get(i)), row.get(i)));
            }
            rows.add(values);
        }
        return new MartRows(mart, rows);
    }

    /** Reads all rows of a JDBC result whose columns are the mart's columns, in order. */
    public static MartRows of(Mart mart, ResultSet result) throws SQLException {
        List<String> columns = mart.columns();
        List<List<Object>> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(normalise(mart.type(columns.get(i)), result.getObject(i + 1)));
            }
            rows.add(values);
        }
        return new MartRows(mart, rows);
    }

    /** A value as the Java type that stands for the catalog type. */
    static Object normalise(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) {
            return ((Number) value).longValue();
        }
        if (type.equals(DataTypes.DoubleType)) {
            return ((Number) value).doubleValue();
        }
        if (type.equals(DataTypes.BooleanType)) {
            return (Boolean) value;
        }
        if (type.equals(DataTypes.StringType)) {
            return value.toString();
        }
        throw new IllegalArgumentException("unsupported column type " + type + " for value " + value);
    }

    public int size() {
        return rows.size();
    }

    /** The key values of a row. */
    public List<Object> key(List<Object> row) {
        return row.subList(0, mart.keyColumns().size());
    }
}
