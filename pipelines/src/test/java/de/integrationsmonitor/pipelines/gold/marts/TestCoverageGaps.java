package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.gold.CoveredMonths;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.sql.Date;
import java.time.YearMonth;
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
 * Hand-computed case, October 2026. Kreis 05562: Gemeinde A (demand ar 400 own, its Stadtteil ar 100
 * ignored, Stadtteil tr 300 rolled up) with offer O1 (ar, open to all genders); Gemeinde B (ar 200)
 * with O2 (de). RB 053: kreisfreie Stadt Köln (ar 1000, offers O3 and O4 in ar) compared with its
 * Regierungsbezirk, where Bergisch Gladbach (Kreis 05378 with two Gemeinden) has ar 100 and O5 (tr).
 */
@SparkTest
class TestCoverageGaps {
    private static final String A = "05562004";
    private static final String B = "05562024";
    private static final String KOELN = "05315000";
    private static final String BGL = "05378004";
    private static Dataset<Row> gaps;

    @BeforeAll
    static void compute(SparkSession spark) {
        Dataset<Row> months = CoveredMonths.frame(spark, List.of(YearMonth.of(2026, 10)));
        Date snapshot = Date.valueOf("2026-10-01");
        Dataset<Row> active = frame(spark, "month STRING, offer_id STRING, org_unit_id STRING, snapshot_date DATE",
                RowFactory.create("2026-10", "O1", A, snapshot), RowFactory.create("2026-10", "O2", B, snapshot),
                RowFactory.create("2026-10", "O3", KOELN, snapshot), RowFactory.create("2026-10", "O4", KOELN, snapshot),
                RowFactory.create("2026-10", "O5", BGL, snapshot));
        Dataset<Row> history = frame(spark, "offer_id STRING, snapshot_date DATE, is_open_to_all_genders BOOLEAN, "
                        + "is_open_to_all_age_groups BOOLEAN, is_open_to_all_migration BOOLEAN",
                RowFactory.create("O1", snapshot, true, false, false), RowFactory.create("O2", snapshot, false, false, false),
                RowFactory.create("O3", snapshot, false, false, false), RowFactory.create("O4", snapshot, false, false, false),
                RowFactory.create("O5", snapshot, false, false, false));
        Dataset<Row> languages = frame(spark, "snapshot_date DATE, offer_id STRING, language STRING",
                RowFactory.create(snapshot, "O1", "ar"), RowFactory.create(snapshot, "O2", "de"),
                RowFactory.create(snapshot, "O3", "ar"), RowFactory.create(snapshot, "O4", "ar"), RowFactory.create(snapshot, "O5", "tr"));
        Map<TargetGroup, Dataset<Row>> bridges = Map.of(TargetGroup.LANGUAGE, languages,
                TargetGroup.GENDER, frame(spark, "snapshot_date DATE, offer_id STRING, gender STRING"),
                TargetGroup.AGE_GROUP, frame(spark, "snapshot_date DATE, offer_id STRING, age_group STRING"),
                TargetGroup.MIGRATION, frame(spark, "snapshot_date DATE, offer_id STRING, migration STRING"));
        Map<TargetGroup, List<String>> codes = Map.of(TargetGroup.GENDER, List.of("d", "m", "w"), TargetGroup.AGE_GROUP, List.of("0-1", "65+"),
                TargetGroup.MIGRATION, List.of("mh", "neu"));
        Dataset<Row> demand = frame(spark, "org_unit_id STRING, dimension STRING, value STRING, persons BIGINT",
                RowFactory.create(A, "language", "ar", 400L), RowFactory.create(A + "-s1", "language", "ar", 100L),
                RowFactory.create(A + "-s1", "language", "tr", 300L), RowFactory.create(B, "language", "ar", 200L),
                RowFactory.create(KOELN, "language", "ar", 1000L), RowFactory.create(BGL, "language", "ar", 100L));
        Dataset<Row> units = frame(spark, "org_unit_id STRING, level STRING, parent_id STRING, kreis_id STRING, regierungsbezirk_id STRING",
                RowFactory.create("05562", "kreis", "055", "05562", "055"),
                RowFactory.create(A, "gemeinde", "05562", "05562", "055"),
                RowFactory.create(A + "-s1", "stadtteil", A, "05562", "055"),
                RowFactory.create(B, "gemeinde", "05562", "05562", "055"),
                RowFactory.create("05315", "kreis", "053", "05315", "053"),
                RowFactory.create(KOELN, "gemeinde", "05315", "05315", "053"),
                RowFactory.create("05378", "kreis", "053", "05378", "053"),
                RowFactory.create(BGL, "gemeinde", "05378", "05378", "053"),
                RowFactory.create("05378032", "gemeinde", "05378", "05378", "053"));
        Dataset<Row> serving = GapInputs.serving(active, history, bridges, codes);
        gaps = CoverageGaps.gaps(months, serving, demand, units, new GapThresholds(200, 0.5)).cache();
    }

    @Test
    void languageRowsFollowTheContractMethod() {
        assertThat(rows(gaps.filter("dimension = 'language'"), "org_unit_id", "value", "demand_persons", "offers_active",
                "round(expected_offers, 4)", "round(coverage_index, 4)", "round(shortfall, 4)", "is_gap")).containsExactly(
                row(KOELN, "ar", 1000L, 2L, 1.8182, 1.1, -0.1818, false),   // area = Regierungsbezirk: 2 offers / 1,100 persons
                row(BGL, "ar", 100L, 0L, 0.0, null, 0.0, false),            // area Kreis 05378 has no ar offer; demand < 200
                row(BGL, "tr", 0L, 1L, 0.0, null, -1.0, false),             // no demand anywhere in the area: expected 0
                row(A, "ar", 400L, 1L, 0.6667, 1.5, -0.3333, false),        // Stadtteil ar 100 ignored: A has its own row
                row(A, "tr", 300L, 0L, 0.0, null, 0.0, true),               // rolled up from the Stadtteil; no offer: gap
                row(B, "ar", 200L, 0L, 0.3333, 0.0, 0.3333, true),          // demand exactly 200 counts
                row(B, "de", 0L, 1L, 0.0, null, -1.0, false));              // explicit row for an offer without demand
    }

    @Test
    void anOfferOpenToAllServesEveryValueOfTheDimension() {
        assertThat(rows(gaps.filter("dimension = 'gender'"), "org_unit_id", "value", "offers_active", "demand_persons"))
                .containsExactly(row(A, "d", 1L, 0L), row(A, "m", 1L, 0L), row(A, "w", 1L, 0L));
    }

    @Test
    void anOpenOfferThatAlsoNamesACodeIsCountedOnceForIt(SparkSession spark) {
        // O1 is open to all genders and also names "w"; O2 names only "w"; O3 names none and is not open
        Date snapshot = Date.valueOf("2026-10-01");
        Dataset<Row> active = frame(spark, "month STRING, offer_id STRING, org_unit_id STRING, snapshot_date DATE",
                RowFactory.create("2026-10", "O1", A, snapshot), RowFactory.create("2026-10", "O2", A, snapshot),
                RowFactory.create("2026-10", "O3", A, snapshot));
        Dataset<Row> history = frame(spark, "offer_id STRING, snapshot_date DATE, is_open_to_all_genders BOOLEAN, "
                        + "is_open_to_all_age_groups BOOLEAN, is_open_to_all_migration BOOLEAN",
                RowFactory.create("O1", snapshot, true, false, false), RowFactory.create("O2", snapshot, false, false, false),
                RowFactory.create("O3", snapshot, false, false, false));
        Map<TargetGroup, Dataset<Row>> bridges = Map.of(
                TargetGroup.LANGUAGE, frame(spark, "snapshot_date DATE, offer_id STRING, language STRING"),
                TargetGroup.GENDER, frame(spark, "snapshot_date DATE, offer_id STRING, gender STRING",
                        RowFactory.create(snapshot, "O1", "w"), RowFactory.create(snapshot, "O2", "w")),
                TargetGroup.AGE_GROUP, frame(spark, "snapshot_date DATE, offer_id STRING, age_group STRING"),
                TargetGroup.MIGRATION, frame(spark, "snapshot_date DATE, offer_id STRING, migration STRING"));
        Map<TargetGroup, List<String>> codes = Map.of(TargetGroup.GENDER, List.of("d", "m", "w"), TargetGroup.AGE_GROUP, List.of("0-1", "65+"),
                TargetGroup.MIGRATION, List.of("mh", "neu"));

        Dataset<Row> serving = GapInputs.serving(active, history, bridges, codes);

        assertThat(rows(serving, "org_unit_id", "dimension", "value", "offers_active")).containsExactly(
                row(A, "gender", "d", 1L), row(A, "gender", "m", 1L), row(A, "gender", "w", 2L));
    }

    private static Dataset<Row> frame(SparkSession spark, String ddl, Row... rows) {
        return spark.createDataFrame(List.of(rows), StructType.fromDDL(ddl));
    }
}
