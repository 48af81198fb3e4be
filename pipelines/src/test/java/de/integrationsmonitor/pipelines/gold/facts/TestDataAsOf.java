package de.integrationsmonitor.pipelines.gold.facts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.gold.CoveredMonths;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class TestDataAsOf {
    @Test
    void latestSnapshotOnOrBeforeTheMonthsLastDayAndLatestEventInTheMonth(SparkSession spark) {
        Dataset<Row> months = CoveredMonths.frame(spark, CoveredMonths.between(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
        // only snapshot_date counts: two offers in the first snapshot, one in the others
        Dataset<Row> snapshots = spark.createDataFrame(List.of(
                snapshot("2025-12-15", "A"), snapshot("2025-12-15", "B"), snapshot("2026-02-01", "A"), snapshot("2026-02-20", "A"),
                snapshot("2026-03-31", "A"), snapshot("2026-04-01", "A")),
                StructType.fromDDL("snapshot_date DATE NOT NULL, offer_id STRING NOT NULL"));
        Dataset<Row> events = spark.createDataFrame(List.of(
                event("2026-01", "2026-01-10"), event("2026-01", "2026-01-28"), event("2026-03", "2026-03-05")),
                TableCatalog.GOLD_EVENTS.schema());

        Dataset<Row> facts = Warehouse.conform(TableCatalog.GOLD_DATA_AS_OF, DataAsOf.of(months, snapshots, events));

        assertThat(rows(facts)).containsExactly(
                row("2026-01", "2025-12-15", "2026-01-28"),
                row("2026-02", "2026-02-20", null),          // no event in February
                row("2026-03", "2026-03-31", "2026-03-05")); // a snapshot on the last day describes the month
    }

    private static Row snapshot(String date, String offer) {
        return RowFactory.create(Date.valueOf(date), offer);
    }

    private static Row event(String month, String date) {
        return RowFactory.create(month, Date.valueOf(date), "05562004", "A", null, 5L, 0L, 0L);
    }
}
