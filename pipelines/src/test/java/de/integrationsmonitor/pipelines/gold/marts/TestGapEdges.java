package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static de.integrationsmonitor.pipelines.testing.UserErrors.categoryOf;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.gold.CoveredMonths;
import de.integrationsmonitor.pipelines.gold.facts.OffersActiveMonthly;
import de.integrationsmonitor.pipelines.silver.OfferHistory;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed edges, from the offers history through the published marts. One snapshot (01.09.2026),
 * so September is the first covered month. Kreis 05562 with Gemeinden X (20,000 residents, demand ar 200,
 * Stadtteil "Nord" with ar 50) and Y (10,000 residents, demand ar 200); kreisfreie Stadt C (05513000,
 * 10,000 residents, no offers, no demand) in the same Regierungsbezirk 055.
 * Offers: X1 in X, Stadtteil " nord ", ar, bildung, Ende 15.10. (inside October: active);
 * X2 in X, ar, bildung, Ende 30.09. (gone in October); Y1, Y2 in Y, ar, bildung; Y3 in Y, ar, sport.
 */
@SparkTest
class TestGapEdges {
    private static final String X = "05562004";
    private static final String Y = "05562024";
    private static final String C = "05513000";
    private static Dataset<Row> gaps;
    private static Dataset<Row> districts;
    private static Dataset<Row> supply;

    @BeforeAll
    static void compute(SparkSession spark) {
        List<YearMonth> covered = CoveredMonths.forRun(YearMonth.of(2026, 9), YearMonth.of(2026, 10));
        Dataset<Row> months = CoveredMonths.frame(spark, covered);
        Dataset<Row> offers = frame(spark, TableCatalog.SILVER_OFFERS.schema(),
                offer("X1", X, " nord ", "2026-10-15"), offer("X2", X, null, "2026-09-30"),
                offer("Y1", Y, null, null), offer("Y2", Y, null, null), offer("Y3", Y, null, null));
        Date snapshot = Date.valueOf("2026-09-01");
        Dataset<Row> languages = frame(spark, StructType.fromDDL("snapshot_date DATE, offer_id STRING, language STRING"),
                RowFactory.create(snapshot, "X1", "ar"), RowFactory.create(snapshot, "X2", "ar"), RowFactory.create(snapshot, "Y1", "ar"),
                RowFactory.create(snapshot, "Y2", "ar"), RowFactory.create(snapshot, "Y3", "ar"));
        Dataset<Row> categories = frame(spark, StructType.fromDDL("snapshot_date DATE, offer_id STRING, category STRING"),
                RowFactory.create(snapshot, "X1", "bildung"), RowFactory.create(snapshot, "X2", "bildung"),
                RowFactory.create(snapshot, "Y1", "bildung"), RowFactory.create(snapshot, "Y2", "bildung"),
                RowFactory.create(snapshot, "Y3", "sport"));
        Dataset<Row> history = OfferHistory.fromSnapshots(offers, Map.of("language", languages, "category", categories));
        Dataset<Row> active = OffersActiveMonthly.of(months, history).cache();
        Map<TargetGroup, Dataset<Row>> bridges = Map.of(TargetGroup.LANGUAGE, languages,
                TargetGroup.GENDER, frame(spark, StructType.fromDDL("snapshot_date DATE, offer_id STRING, gender STRING")),
                TargetGroup.AGE_GROUP, frame(spark, StructType.fromDDL("snapshot_date DATE, offer_id STRING, age_group STRING")),
                TargetGroup.MIGRATION, frame(spark, StructType.fromDDL("snapshot_date DATE, offer_id STRING, migration STRING")));
        Map<TargetGroup, List<String>> codes = Map.of(TargetGroup.GENDER, List.of("w"), TargetGroup.AGE_GROUP, List.of("65+"),
                TargetGroup.MIGRATION, List.of("neu"));
        Dataset<Row> demand = frame(spark, StructType.fromDDL("org_unit_id STRING, dimension STRING, value STRING, persons BIGINT"),
                RowFactory.create(X, "language", "ar", 200L), RowFactory.create(Y, "language", "ar", 200L),
                RowFactory.create(X + "-nord", "language", "ar", 50L));
        Dataset<Row> units = frame(spark, TableCatalog.SILVER_ORG_UNITS.schema(),
                unit("05562", "Kreis Recklinghausen", "kreis", "055", null, "05562"),
                unit(X, "X-Stadt", "gemeinde", "05562", 20_000L, "05562"),
                unit(X + "-nord", "Nord", "stadtteil", X, 5_000L, "05562"),
                unit(X + "-sued", "Süd", "stadtteil", X, 5_000L, "05562"),
                unit(Y, "Y-Stadt", "gemeinde", "05562", 10_000L, "05562"),
                unit("05513", "Gelsenkirchen", "kreis", "055", null, "05513"),
                unit(C, "Gelsenkirchen", "gemeinde", "05513", 10_000L, "05513"));
        GapThresholds thresholds = new GapThresholds(200, 0.5);
        Dataset<Row> serving = GapInputs.serving(active, history, bridges, codes);
        gaps = CoverageGaps.gaps(months, serving, demand, units, thresholds).cache();
        Dataset<Row> districtServing = GapInputs.serving(CoverageGaps.offersInDistricts(active, history, units),
                history, bridges, codes);
        districts = CoverageGaps.districtGaps(months, CoverageGaps.gemeindeRows(months, serving, demand, units), districtServing,
                demand, units, thresholds).cache();
        supply = SupplyMatrix.supply(spark, months, GapInputs.categoryCounts(active, history, categories), units, List.of("bildung", "sport")).cache();
    }

    @Test
    void coverageIndexOfExactlyTheLimitIsNoGapAndEndeInsideTheMonthStillCounts() {
        assertThat(rows(gaps.filter("dimension = 'language'"), "month", "org_unit_id", "demand_persons", "offers_active",
                "expected_offers", "coverage_index", "shortfall", "is_gap")).containsExactly(
                row("2026-09", X, 200L, 2L, 2.5, 0.8, 0.5, false),     // rate 5 offers / 400 persons
                row("2026-09", Y, 200L, 3L, 2.5, 1.2, -0.5, false),
                row("2026-10", X, 200L, 1L, 2.0, 0.5, 1.0, false),     // X1 ends 15.10.: active; index exactly 0.5: no gap
                row("2026-10", Y, 200L, 3L, 2.0, 1.5, -1.0, false));
    }

    @Test
    void noMonthBeforeTheFirstSnapshotIsCovered() {
        assertThat(rows(gaps.select("month").distinct(), "month")).containsExactly(row("2026-09"), row("2026-10"));
        assertThat(categoryOf(() -> CoveredMonths.forRun(YearMonth.of(2026, 9), YearMonth.of(2026, 8))))
                .isEqualTo(ErrorCategory.INPUT);
    }

    @Test
    void stadtteilRowsUseTheOffersPlacedThereAndTheGemeindeYardstick() {
        // Nord: demand 50 at the Kreis rate (Sept 5/400, Oct 4/400); X1's Stadtteil " nord " matches "Nord".
        // Süd has no demand: no rows. (X1 is also open to all genders, ages and migration: rows with demand 0.)
        assertThat(districts.filter("org_unit_id <> '" + X + "-nord'").count()).isZero();
        assertThat(rows(districts.filter("dimension = 'language'"), "month", "org_unit_id", "gemeinde_id", "value", "demand_persons", "offers_active",
                "expected_offers", "coverage_index", "is_gap")).containsExactly(
                row("2026-09", X + "-nord", X, "ar", 50L, 1L, 0.625, 1.6, false),
                row("2026-10", X + "-nord", X, "ar", 50L, 1L, 0.5, 2.0, false));
    }

    @Test
    void supplyMatrixHasEveryCategoryPerGemeindeWithRatesAndTheAreaMedian() {
        assertThat(rows(supply.filter("month = '2026-10'"), "org_unit_id", "category", "offers_active", "offers_per_10k",
                "reference_area_id", "area_median_per_10k")).containsExactly(
                row(C, "bildung", 0L, 0.0, "055", 0.5),          // kreisfreie Stadt: median over the Regierungsbezirk (0, 0.5, 2)
                row(C, "sport", 0L, 0.0, "055", 0.0),            // (0, 0, 1)
                row(X, "bildung", 1L, 0.5, "05562", 1.25),       // Kreis median of X 0.5 and Y 2.0
                row(X, "sport", 0L, 0.0, "05562", 0.5),
                row(Y, "bildung", 2L, 2.0, "05562", 1.25),
                row(Y, "sport", 1L, 1.0, "05562", 0.5));
        assertThat(Arrays.asList(supply.columns())).containsExactlyElementsOf(
                Arrays.asList(TableCatalog.GOLD_SUPPLY_MATRIX.schema().fieldNames()));
        assertThat(Arrays.asList(districts.columns())).containsExactlyElementsOf(
                Arrays.asList(TableCatalog.GOLD_COVERAGE_GAPS_DISTRICTS.schema().fieldNames()));
    }

    private static Dataset<Row> frame(SparkSession spark, StructType schema, Row... rows) {
        return spark.createDataFrame(List.of(rows), schema);
    }

    private static Row offer(String id, String orgUnit, String district, String end) {
        return RowFactory.create(Date.valueOf("2026-09-01"), id, orgUnit, district, "Angebot " + id, null, null, null, null, null,
                null, end == null ? null : Date.valueOf(end), true, true, true, "o.csv", 2);
    }

    private static Row unit(String id, String name, String level, String parent, Long population, String kreis) {
        return RowFactory.create(id, name, level, parent, population, null, null, kreis, "055", "r.csv", 2);
    }
}
