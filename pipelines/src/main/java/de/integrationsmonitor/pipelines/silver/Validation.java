package de.integrationsmonitor.pipelines.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Applies checks to bronze rows: every row is either accepted or rejected with the first failing
 * check's reason. Rows sharing a key keep the first (by file and line); later ones are duplicates.
 */
public final class Validation {
    static final String REJECTION = "_rejection";
    /** Bronze lineage that checks may read but no silver table holds. */
    private static final List<String> READ_BY_CHECKS_ONLY = List.of("_extra_columns", "_file_checksum", "_ingested_at");

    private Validation() {}

    /**
     * The outcome: rows that passed (bronze columns) and rows rejected (quarantine columns). A rejected
     * row carries the id of the run that delivered it, so rerunning unchanged files changes nothing.
     */
    public record Result(Dataset<Row> accepted, Dataset<Row> rejected) {}

    /** A unique key: the expressions that form it, and the column and value a duplicate is reported with. */
    public record Key(String columnName, String value, List<String> expressions) {
        public static final Key NONE = new Key(null, null, List.of());

        public static Key of(String columnName, String value, String... expressions) {
            return new Key(columnName, value, List.of(expressions));
        }
    }

    public static Result validate(Dataset<Row> bronze, List<Check> checks, Key key) {
        List<String> keyExpressions = key.expressions();
        List<Check> all = new ArrayList<>();
        all.add(new Check(Reason.WRONG_FIELD_COUNT, null,
                "map_contains_key(_extra_columns, '" + CsvFileReader.FIELD_COUNT_KEY + "')",
                "concat('Felder: ', _extra_columns['" + CsvFileReader.FIELD_COUNT_KEY + "'])"));
        all.addAll(checks);
        Column rejection = null;
        for (Check check : all) {
            Column outcome = struct(lit(check.reason()).as("reason"), lit(check.column()).cast("string").as("column_name"),
                    expr(check.value()).cast("string").as("value"));
            Column failed = expr("coalesce(" + check.failsWhen() + ", false)");
            rejection = rejection == null ? when(failed, outcome) : rejection.when(failed, outcome);
        }
        Dataset<Row> checked = bronze.withColumn(REJECTION, rejection);
        if (!keyExpressions.isEmpty()) {
            Column[] keys = keyExpressions.stream().map(k -> expr(k)).toArray(Column[]::new);
            Column isPassing = col(REJECTION).isNull();
            Column duplicate = struct(lit(Reason.DUPLICATE_KEY).as("reason"), lit(key.columnName()).as("column_name"),
                    expr(key.value()).cast("string").as("value"));
            checked = checked
                    .withColumn("_passing", isPassing)
                    // rank only among rows that passed every other check: the first of a key is kept
                    .withColumn("_rank", row_number().over(Window.partitionBy(concat(col("_passing"), keys))
                            .orderBy(col("_source_file"), col("_source_line"))))
                    .withColumn(REJECTION, when(col("_passing").and(col("_rank").gt(1)), duplicate).otherwise(col(REJECTION)))
                    .drop("_passing", "_rank");
        }
        // both outcomes (and, in the silver job, several tables) derive from the checked rows: compute them once, without
        // the lineage columns only the checks read (a Land's offers and events are millions of rows to cache)
        checked = checked.drop(READ_BY_CHECKS_ONLY.toArray(String[]::new)).cache();
        Dataset<Row> accepted = checked.filter(col(REJECTION).isNull()).drop(REJECTION);
        Dataset<Row> rejected = checked.filter(col(REJECTION).isNotNull()).select(
                col("_source_file").as("source_file"), col("_source_line").as("source_line"),
                col(REJECTION + ".reason").as("reason"), col(REJECTION + ".column_name").as("column_name"),
                col(REJECTION + ".value").as("value"), col("_run_id").as("run_id"));
        return new Result(accepted, rejected);
    }

    private static Column[] concat(Column first, Column[] rest) {
        Column[] all = Arrays.copyOf(new Column[] {first}, rest.length + 1);
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
