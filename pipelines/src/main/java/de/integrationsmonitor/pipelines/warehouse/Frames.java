package de.integrationsmonitor.pipelines.warehouse;

import java.util.List;
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
}
