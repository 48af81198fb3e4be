package de.integrationsmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.run.Pipeline;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our pipeline and the DuckDB baseline on the committed sample-data/ (with its deliberate faults) give
 * the same three published marts; a few of the numbers checked by hand against the CSV files.
 */
@SparkTest
class DuckDbBaselineIT {
    private static final Instant STARTED_AT = Instant.parse("2026-11-22T12:00:00Z");

    @TempDir
    static Path temp;

    static Map<Mart, MartRows> gold;
    static DuckDbBaseline.Result baseline;
    static Warehouse warehouse;

    @BeforeAll
    static void run(SparkSession spark) {
        Path project = Fixtures.projectConf().getParent();
        ImonConfig config = ImonConfig.load(project, project.resolve("conf")).withWarehousePath(temp.resolve("warehouse").toString());
        warehouse = new Warehouse(spark, config.warehousePath());
        Pipeline pipeline = new Pipeline(config, warehouse, "baseline-test", STARTED_AT);
        pipeline.bronze();
        pipeline.silver();
        pipeline.gold(Optional.empty());
        gold = GoldMarts.read(warehouse);
        baseline = DuckDbBaseline.of(config, LocalDate.of(2026, 11, 22)).run(config.inputPath(), Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(Mart.class)
    void baselineGivesTheSameNumbersAsOurPipeline(Mart mart) {
        MartComparison.Outcome outcome = MartComparison.compare(gold.get(mart), baseline.mart(mart));
        assertThat(outcome.isEqual()).as(String.join("\n", outcome.describe())).isTrue();
        assertThat(outcome.oursRows()).isPositive();
    }

    /** The sample has centres for every Gemeinde: gold.offer_access has a row for each coverage_gaps row, and no other. */
    @Test
    void everyGapRowOfAGemeindeWithACentreHasItsAccessRow(SparkSession spark) {
        warehouse.registerExisting();
        List<Row> counts = spark.sql("SELECT (SELECT count(*) FROM gold.coverage_gaps g JOIN gold.dim_org_units o "
                + "ON o.org_unit_id = g.org_unit_id WHERE o.lat IS NOT NULL), (SELECT count(*) FROM gold.offer_access), "
                + "(SELECT count(*) FROM gold.coverage_gaps g LEFT ANTI JOIN gold.offer_access a "
                + "ON a.month = g.month AND a.org_unit_id = g.org_unit_id AND a.dimension = g.dimension AND a.value = g.value), "
                + "(SELECT count(*) FROM gold.dim_org_unit_shapes)").collectAsList();
        Row row = counts.get(0);
        assertThat(List.of(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3))).containsExactly(3_893L, 3_893L, 0L, 19L);
    }

    @Test
    void coversTheSameMonthsAsTheRun() {
        assertThat(baseline.firstMonth()).isEqualTo(YearMonth.of(2025, 11));
        assertThat(baseline.reportMonth()).isEqualTo(YearMonth.of(2026, 10));
        // 7,848 data rows in the 22 files the marts read (statements.csv feeds none of them)
        assertThat(baseline.inputRows()).isEqualTo(8_008 - 160);
    }

    @Test
    void everyLoadAndScriptStatementIsTimed() {
        assertThat(baseline.steps()).extracting(DuckDbBaseline.Step::name)
                .contains("refine.sql: offers", "refine.sql: events", "marts.sql: offers_serving", "marts.sql: coverage_gaps");
        assertThat(baseline.steps()).anyMatch(s -> s.script().equals(InputFiles.LOAD_STEP) && s.label().startsWith("raw_offers__snapshots"));
        assertThat(baseline.heaviestStatements(3)).hasSize(3).noneMatch(s -> s.script().equals(InputFiles.LOAD_STEP));
        assertThat(baseline.profileText(3)).contains("refine.sql: events");
    }

    @Test
    void kreisEventsOfDecemberCountLateDeliveriesAndLeaveOutTheUnknownOffer() {
        // 334 rows in all participation files are dated 12.2025 (two of them in the January file), 3,210
        // participants; the one of offer RE-999999 (10 participants) is in no snapshot
        assertThat(row(baseline.mart(Mart.KPI_MONTHLY), "2025-12", "05562")).containsExactly(
                "2025-12", "05562", 430L, 0L, 9L, 333L, 3_200L, 1_670L, 949L, 0L, 0L);
        assertThat(row(baseline.mart(Mart.KPI_MONTHLY), "2025-11", "05562").subList(3, 5)).containsOnlyNulls();
    }

    @Test
    void demandOfAGemeindeIsItsOwnRowElseTheSumOfItsStadtteile() {
        MartRows gaps = baseline.mart(Mart.COVERAGE_GAPS);
        // Castrop-Rauxel: Turkish given for the Gemeinde (2,150) and its Stadtteile; Romanian only for
        // Habinghorst (146) and Ickern (129)
        assertThat(row(gaps, "2026-10", "05562004", "language", "tr").get(4)).isEqualTo(2_150L);
        assertThat(row(gaps, "2026-10", "05562004", "language", "ro").get(4)).isEqualTo(275L);
    }

    @Test
    void aValueRowsTargetOverridesTheIndicatorsTarget() {
        // values.csv line 309: EGN-07, IND-02 (lower is better, baseline 42, target 14), 2026-01: 29,6 with target 21
        List<Object> row = row(baseline.mart(Mart.INDICATOR_ATTAINMENT), "EGN-07", "IND-02", "2026-01");
        assertThat(row.subList(3, 6)).containsExactly(29.6, 42.0, 21.0);
        assertThat((Double) row.get(6)).isCloseTo(12.4 / 21, within(1e-12));
        assertThat(row.get(7)).isEqualTo("auf Kurs");
    }

    @Test
    void periodsStopAtTheProjectsEnd() {
        // EGN-09 ends on 30.06.2026: monthly periods up to 2026-06, the year 2026 still overlaps
        List<String> periods = baseline.mart(Mart.INDICATOR_ATTAINMENT).rows().stream()
                .filter(r -> r.get(0).equals("EGN-09")).map(r -> (String) r.get(2)).toList();
        assertThat(periods).contains("2026-06", "2026").doesNotContain("2026-07", "2026-10");
    }

    private static List<Object> row(MartRows rows, Object... key) {
        List<Object> wanted = Arrays.asList(key);
        return rows.rows().stream().filter(r -> rows.key(r).equals(wanted)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + wanted + " in " + rows.mart()));
    }
}
