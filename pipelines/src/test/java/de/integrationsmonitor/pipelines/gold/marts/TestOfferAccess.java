package de.integrationsmonitor.pipelines.gold.marts;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.integrationsmonitor.pipelines.contract.Catchment;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed E2SFCA, catchment d0 = 15 km, October 2026, language ar. Four Gemeinden on one meridian (lon 7°), so
 * that the haversine distance is exactly R · Δφ: A at 51°, B 10 km north of A, C 20 km north, D 50 km north. A and B
 * lie in Kreis K1, C and D in Kreis K2 (C is B's neighbour across the Kreis border). E in K1 has no centre: it gets no
 * row, and its 5 offers and 900 persons take no part.
 *
 * <pre>
 * w(10) = (exp(-½·(10/15)²) − exp(-½)) / (1 − exp(-½)) = (0.800737 − 0.606531) / 0.393469 = 0.4935753; w(20) = w(50) = 0
 * step 1: R(A) = 2 / (1000 + 0.4935753·500) = 2 / 1246.7876 = 0.00160412
 *         R(C) = 1 / ( 500 + 0.4935753·500) = 1 /  746.7876 = 0.00133907
 * step 2: access(A) = R(A) = 16.0412 per 10,000; access(B) = 0.4935753·(R(A) + R(C)) = 14.5269;
 *         access(C) = R(C) = 13.3907; access(D) = 0 (no offer within 15 km)
 * region: K1 = (16.0412·1000 + 14.5269·500) / 1500 = 15.5364; K2 = (13.3907·500 + 0·300) / 800 = 8.3692
 * ratio:  A 1.0325, B 0.9350, C 1.6 (= 800 / 500), D 0 → D is an access gap (300 ≥ 200 and access 0)
 * </pre>
 */
@SparkTest
class TestOfferAccess {
    private static final double KM = 180 / (Math.PI * Catchment.EARTH_RADIUS_KM); // degrees of latitude per km
    private static final String A = "05000001";
    private static final String B = "05000002";
    private static final String C = "05001001";
    private static final String D = "05001002";
    private static final String E = "05000003";
    private static Dataset<Row> access;

    @BeforeAll
    static void compute(SparkSession spark) {
        access = OfferAccess.access(spark, gemeindeRows(spark), units(spark), new GapThresholds(200, 0.5, 15)).cache();
    }

    private static Dataset<Row> gemeindeRows(SparkSession spark) {
        return frame(spark, "month STRING, org_unit_id STRING, dimension STRING, value STRING, demand_persons BIGINT, offers_active BIGINT",
                RowFactory.create("2026-10", A, "language", "ar", 1000L, 2L),
                RowFactory.create("2026-10", B, "language", "ar", 500L, 0L),
                RowFactory.create("2026-10", C, "language", "ar", 500L, 1L),
                RowFactory.create("2026-10", D, "language", "ar", 300L, 0L),
                RowFactory.create("2026-10", E, "language", "ar", 900L, 5L));
    }

    private static Dataset<Row> units(SparkSession spark) {
        return frame(spark, "org_unit_id STRING, level STRING, parent_id STRING, kreis_id STRING, regierungsbezirk_id STRING, lat DOUBLE, lon DOUBLE",
                RowFactory.create("K1", "kreis", "055", "K1", "055", null, null),
                RowFactory.create(A, "gemeinde", "K1", "K1", "055", 51.0, 7.0),
                RowFactory.create(B, "gemeinde", "K1", "K1", "055", 51.0 + 10 * KM, 7.0),
                RowFactory.create(E, "gemeinde", "K1", "K1", "055", null, null),
                RowFactory.create("K2", "kreis", "055", "K2", "055", null, null),
                RowFactory.create(C, "gemeinde", "K2", "K2", "055", 51.0 + 20 * KM, 7.0),
                RowFactory.create(D, "gemeinde", "K2", "K2", "055", 51.0 + 50 * KM, 7.0));
    }

    @Test
    void threeGemeindenOnALineAndOneBeyondTheCatchment() {
        assertThat(rows(access, "org_unit_id", "demand_persons", "round(access_per_10k, 4)", "round(region_access_per_10k, 4)",
                "round(access_ratio, 4)", "is_access_gap")).containsExactly(
                row(A, 1000L, 16.0412, 15.5364, 1.0325, false),
                row(B, 500L, 14.5269, 15.5364, 0.9350, false),  // no offer of its own, but A and C within 10 km
                row(C, 500L, 13.3907, 8.3692, 1.6, false),      // the neighbour across the Kreis border adds B's demand
                row(D, 300L, 0.0, 8.3692, 0.0, true));          // nearest offer 30 km away: nothing reachable
    }

    @Test
    void aGemeindeWithoutCentreGetsNoRowAndItsOffersDoNotCount() {
        assertThat(rows(access.filter("org_unit_id = '" + E + "'"), "org_unit_id")).isEmpty();
        // with E's 5 offers counted, A (nearest to nothing but itself) would not be 2 offers over 1,246.8 persons
        assertThat(rows(access.filter("org_unit_id = '" + A + "'"), "round(access_per_10k, 4)")).containsExactly(row(16.0412));
    }

    @Test
    void withoutAnyCentreTheMartIsEmpty(SparkSession spark) {
        Dataset<Row> withoutCentres = units(spark).selectExpr("org_unit_id", "level", "parent_id", "kreis_id", "regierungsbezirk_id",
                "cast(null AS DOUBLE) AS lat", "cast(null AS DOUBLE) AS lon");
        assertThat(OfferAccess.access(spark, gemeindeRows(spark), withoutCentres, new GapThresholds(200, 0.5)).count()).isZero();
    }

    @Test
    void haversineAndWeightFollowTheContract() {
        // one degree of latitude along a meridian: π · 6371.0088 / 180 km
        assertThat(Catchment.distanceKm(51, 7, 52, 7)).isCloseTo(111.1951, within(1e-4));
        // Recklinghausen (51.614, 7.197) to Dortmund (51.514, 7.466): about 21.7 km
        assertThat(Catchment.distanceKm(51.614, 7.197, 51.514, 7.466)).isCloseTo(21.665, within(0.001));
        assertThat(Catchment.weight(0, 15)).isEqualTo(1.0);
        assertThat(Catchment.weight(15, 15)).isCloseTo(0.0, within(1e-12));
        assertThat(Catchment.weight(15.01, 15)).isZero();
        assertThat(Catchment.weight(10, 15)).isCloseTo(0.4935753, within(1e-7));
    }

    @Test
    void pairsAreOnlyThoseWithinTheCatchmentBothWays() {
        List<OfferAccess.Centre> centres = List.of(new OfferAccess.Centre(A, 51.0, 7.0), new OfferAccess.Centre(B, 51.0 + 10 * KM, 7.0),
                new OfferAccess.Centre(C, 51.0 + 20 * KM, 7.0));
        assertThat(OfferAccess.pairs(centres, 15).stream().map(r -> r.getString(0) + ">" + r.getString(1)).sorted())
                .containsExactly(A + ">" + A, A + ">" + B, B + ">" + A, B + ">" + B, B + ">" + C, C + ">" + B, C + ">" + C);
    }

    private static Dataset<Row> frame(SparkSession spark, String ddl, Row... rows) {
        return spark.createDataFrame(List.of(rows), StructType.fromDDL(ddl));
    }
}
