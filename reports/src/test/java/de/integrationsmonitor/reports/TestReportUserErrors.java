package de.integrationsmonitor.reports;

import static de.integrationsmonitor.pipelines.testing.UserErrors.categoryOf;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.monthly.MonthlyReportQueries;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report that cannot be made from gold is a user error of its own kind (REPORT), an unknown report area a CONFIG error. */
class TestReportUserErrors {
    @Test
    void aMonthWithoutGoldRowsIsAReportError(@TempDir Path temp) {
        SparkSession spark = SharedSparkSession.get();
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        List<Row> units = List.of(
                RowFactory.create("05562", "Kreis Recklinghausen", "kreis", "055", 600_000L, 90_000L, 4_000L, "05562", "055", null, null),
                RowFactory.create("05562024", "Marl", "gemeinde", "05562", 84_000L, 12_000L, 600L, "05562", "055", 51.656, 7.090));
        warehouse.overwrite(TableCatalog.GOLD_ORG_UNITS, spark.createDataFrame(units, TableCatalog.GOLD_ORG_UNITS.schema()));
        warehouse.overwrite(TableCatalog.GOLD_KPI_MONTHLY, spark.createDataFrame(List.of(), TableCatalog.GOLD_KPI_MONTHLY.schema()));
        MonthlyReportQueries queries = new MonthlyReportQueries(warehouse);

        assertThat(categoryOf(() -> queries.load("05562", YearMonth.of(2026, 10), "run-1", Instant.EPOCH, Map.of())))
                .isEqualTo(ErrorCategory.REPORT);
        assertThat(categoryOf(() -> queries.load("05999", YearMonth.of(2026, 10), "run-1", Instant.EPOCH, Map.of())))
                .isEqualTo(ErrorCategory.CONFIG);
    }
}
