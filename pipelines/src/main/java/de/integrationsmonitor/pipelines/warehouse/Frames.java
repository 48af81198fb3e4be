package de.integrationsmonitor.pipelines.warehouse;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

/** Small helpers for Spark's Scala-typed Java API. */
public final class Frames {
    private Frames() {}

    /** Equi-join on columns of the same name in both frames. */
    public static Dataset<Row> joinOn(Dataset<Row> left, Dataset<Row> right, String joinType, String... columns) {
        return left.join(right, CollectionConverters.asScala(List.of(columns)).toSeq(), joinType);
    }

    /**
     * The rows of a small result sorted by {@code order}, as {@code orderBy(order).collectAsList()} gives them, but
     * sorted in one partition: a sort across partitions first runs a Spark job that samples the rows for its range
     * boundaries, which for a report's few rows costs more than the sort.
     */
    public static List<Row> collectSorted(Dataset<Row> rows, Column... order) {
        return rows.coalesce(1).sortWithinPartitions(order).collectAsList();
    }

    /** {@link #collectSorted(Dataset, Column...)} by column names, each ascending. */
    public static List<Row> collectSorted(Dataset<Row> rows, String... columns) {
        return collectSorted(rows, Arrays.stream(columns).map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }
}
