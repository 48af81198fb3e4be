package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** W1 (Wohnen, 05.03.2026) has two "sonne" statements and one "wind"; W2 is dated after the report month. */
@SparkTest
class TestWorkshopEvaluation {
    @Test
    void countsEveryCategoryPerWorkshopWithZerosAndLeavesOutLaterWorkshops(SparkSession spark) {
        Dataset<Row> workshops = spark.createDataFrame(List.of(
                RowFactory.create("W1", "Wohnen", "Wohnen", Date.valueOf("2026-03-05"), "05562024", "Rathaus", 30L, "w.csv", 2),
                RowFactory.create("W2", "Arbeit", "Arbeit", Date.valueOf("2026-05-02"), "05562", null, null, "w.csv", 3)),
                TableCatalog.SILVER_WORKSHOPS.schema());
        Dataset<Row> statements = spark.createDataFrame(List.of(
                RowFactory.create("W1", "sonne", "Gute Nachbarschaft", "s.csv", 2),
                RowFactory.create("W1", "wind", "Wohnungstausch-Börse", "s.csv", 3),
                RowFactory.create("W1", "sonne", "Mietercafé", "s.csv", 4),
                RowFactory.create("W2", "gewitter", "Zu wenig Praktika", "s.csv", 5)),
                TableCatalog.SILVER_STATEMENTS.schema());
        YearMonth april = YearMonth.of(2026, 4);
        Dataset<Row> evaluation = WorkshopEvaluation.evaluation(spark, workshops, statements,
                List.of("gewitter", "sonne", "wind", "wolke"), april);
        assertThat(rows(evaluation, "workshop_id", "field_of_action", "weather", "statements")).containsExactly(
                row("W1", "Wohnen", "gewitter", 0L), row("W1", "Wohnen", "sonne", 2L),
                row("W1", "Wohnen", "wind", 1L), row("W1", "Wohnen", "wolke", 0L));
        assertThat(rows(WorkshopEvaluation.statements(workshops, statements, april), "statement_order", "weather", "statement"))
                .containsExactly(row(2, "sonne", "Gute Nachbarschaft"), row(3, "wind", "Wohnungstausch-Börse"), row(4, "sonne", "Mietercafé"));
        assertThat(Arrays.asList(evaluation.columns()))
                .containsExactlyElementsOf(Arrays.asList(TableCatalog.GOLD_WORKSHOP_EVALUATION.schema().fieldNames()));
    }
}
