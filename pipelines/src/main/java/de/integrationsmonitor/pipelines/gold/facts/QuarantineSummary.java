package de.integrationsmonitor.pipelines.gold.facts;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.fct_quarantine_summary}: the rejected rows per input file and reason, with the three alphabetically
 * first references "{@code <file> Zeile <line>}" (the reports show the first three of a reason over all files; those
 * are among the first three of their file). Values of the rejected rows stay in silver.
 */
public final class QuarantineSummary {
    /** How many references a file and reason keep. */
    public static final int EXAMPLES = 3;

    private QuarantineSummary() {}

    /** @param quarantine silver.quarantine */
    public static Dataset<Row> of(Dataset<Row> quarantine) {
        return quarantine.groupBy("source_file", "reason").agg(count(lit(1)).as("quarantined_rows"),
                expr("slice(sort_array(collect_list(concat(source_file, ' Zeile ', source_line))), 1, " + EXAMPLES + ")")
                        .as("examples"));
    }
}
