package de.integrationsmonitor.pipelines.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSparkSession.class)
class TestFrames {
    @Test
    void collectSortedGivesOrderBysRowsWithoutTheSamplingJob(SparkSession spark) {
        // three partitions, as a scan of several files or a shuffle would give them
        Dataset<Row> rows = spark.sql("SELECT * FROM VALUES ('b', 2), ('a', 5), ('c', 2), ('d', 9), ('e', 1) AS t(reason, n_rows)")
                .repartition(3);

        List<Row> sorted = Frames.collectSorted(rows, col("n_rows").desc(), col("reason"));
        assertThat(sorted.stream().map(r -> r.getString(0) + r.getInt(1)).toList()).containsExactly("d9", "a5", "b2", "c2", "e1");
        assertThat(sorted).isEqualTo(rows.orderBy(col("n_rows").desc(), col("reason")).collectAsList());
        assertThat(Frames.collectSorted(rows, "reason").stream().map(r -> r.getString(0)).toList()).containsExactly("a", "b", "c", "d", "e");

        assertThat(jobsOf(spark, "orderBy", () -> rows.orderBy("reason").collectAsList())).isEqualTo(2); // range sampling + collect
        assertThat(jobsOf(spark, "collectSorted", () -> Frames.collectSorted(rows, "reason"))).isEqualTo(1);
    }

    private static int jobsOf(SparkSession spark, String group, Supplier<List<Row>> action) {
        spark.sparkContext().setJobGroup(group, group, false);
        try {
            action.get();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        return spark.sparkContext().statusTracker().getJobIdsForGroup(group).length;
    }
}
