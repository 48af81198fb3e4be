package de.integrationsmonitor.pipelines.gold.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import de.integrationsmonitor.pipelines.warehouse.Frames;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The marts behind the Workshop-Auswertung: per workshop and Klimakonferenz category (sonne = what
 * works, wolke = what is unclear, gewitter = what must change, wind = good ideas) the number of
 * statements, zeros explicit; and the statements with their workshop's field of action. Workshops
 * dated after the report month are left out, so a past month shows what was known then.
 */
public final class WorkshopEvaluation {
    private WorkshopEvaluation() {}

    public static Dataset<Row> evaluation(SparkSession spark, Dataset<Row> workshops, Dataset<Row> statements,
                                          List<String> weatherCodes, YearMonth reportMonth) {
        Dataset<Row> held = held(workshops, reportMonth);
        Dataset<Row> counts = statements.groupBy("workshop_id", "weather").agg(count(lit(1)).as("statements"));
        Dataset<Row> grid = held.crossJoin(weather(spark, weatherCodes));
        return Frames.joinOn(grid, counts, "left", "workshop_id", "weather")
                .withColumn("statements", coalesce(col("statements"), lit(0L)))
                .select("workshop_id", "title", "field_of_action", "workshop_date", "org_unit_id", "venue", "participants",
                        "weather", "statements");
    }

    /** Every statement of a workshop held up to the report month, with the workshop's field of action and date. */
    public static Dataset<Row> statements(Dataset<Row> workshops, Dataset<Row> statements, YearMonth reportMonth) {
        Dataset<Row> held = held(workshops, reportMonth).select("workshop_id", "field_of_action", "workshop_date", "org_unit_id");
        return Frames.joinOn(statements.select(col("workshop_id"), col("weather"), col("statement"),
                        col("source_line").as("statement_order")), held, "inner", "workshop_id")
                .select("workshop_id", "field_of_action", "workshop_date", "org_unit_id", "weather", "statement", "statement_order");
    }

    private static Dataset<Row> held(Dataset<Row> workshops, YearMonth reportMonth) {
        return workshops.filter(col("workshop_date").leq(lit(Date.valueOf(reportMonth.atEndOfMonth()))));
    }

    private static Dataset<Row> weather(SparkSession spark, List<String> codes) {
        List<Row> rows = new ArrayList<>();
        codes.forEach(code -> rows.add(RowFactory.create(code)));
        return spark.createDataFrame(rows, StructType.fromDDL("weather STRING NOT NULL"));
    }
}
