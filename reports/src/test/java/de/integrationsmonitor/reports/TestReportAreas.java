package de.integrationsmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Kreise and kreisfreie Städte a run reports on, and the refusal of an id that is none. */
class TestReportAreas {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path temp;

    /** Three areas: Recklinghausen with offers, Bielefeld with only a workshop, Münster with nothing in October. */
    @Test
    void everyAreaWithDataByDefaultSortedByNameAndRequestedOnesWithoutDataNamed() {
        SparkSession spark = SharedSparkSession.get();
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.overwrite(TableCatalog.GOLD_ORG_UNITS, spark.createDataFrame(List.of(
                unit("05562", "Kreis Recklinghausen", "kreis", "05562"),
                unit("05562004", "Castrop-Rauxel", "gemeinde", "05562"),
                unit("05711", "Bielefeld", "kreis", "05711"),
                unit("05711000", "Bielefeld", "gemeinde", "05711"),
                unit("05515", "Münster", "kreis", "05515"),
                unit("055", "Münster", "regierungsbezirk", null)), TableCatalog.GOLD_ORG_UNITS.schema()));
        warehouse.overwrite(TableCatalog.GOLD_KPI_MONTHLY, spark.createDataFrame(List.of(
                kpi("2026-10", "05562", 3, 0, 0),
                kpi("2026-10", "05711", 0, 0, 1),
                kpi("2026-10", "05515", 0, 0, 0),
                kpi("2026-09", "05515", 4, 2, 0)), TableCatalog.GOLD_KPI_MONTHLY.schema()));

        ReportAreas.Selection all = ReportAreas.select(warehouse, OCTOBER, List.of(), "--area");
        assertThat(all.areas()).extracting(ReportAreas.Area::id).containsExactly("05711", "05562");
        assertThat(all.areas()).extracting(ReportAreas.Area::slug).containsExactly("bielefeld", "kreis-recklinghausen");
        assertThat(all.withoutData()).isEmpty();

        ReportAreas.Selection requested = ReportAreas.select(warehouse, OCTOBER, List.of("05515", "05562"), "--area");
        assertThat(requested.areas()).extracting(ReportAreas.Area::name).containsExactly("Kreis Recklinghausen");
        assertThat(requested.withoutData()).extracting(ReportAreas.Area::name).containsExactly("Münster");

        assertThatThrownBy(() -> ReportAreas.select(warehouse, OCTOBER, List.of("055"), "report.areas in conf/imon.properties"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG))
                .hasMessageContaining("055 (Münster) ist ein Regierungsbezirk, kein Kreis und keine kreisfreie Stadt")
                .hasMessageContaining("Möglich sind: 05711 Bielefeld, 05562 Kreis Recklinghausen, 05515 Münster.");
    }

    private static Row unit(String id, String name, String level, String kreis) {
        return RowFactory.create(id, name, level, null, 1000L, null, null, kreis, "055", null, null);
    }

    private static Row kpi(String month, String id, long offers, long events, long workshops) {
        return RowFactory.create(month, id, offers, null, null, events, events * 10, 0L, 0L, workshops, workshops * 20);
    }
}
