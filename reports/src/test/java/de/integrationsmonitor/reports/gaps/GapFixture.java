package de.integrationsmonitor.reports.gaps;

import de.integrationsmonitor.reports.common.maps.MapGeometry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made month for Kreis Recklinghausen with two Gemeinden. Marl: Arabic 800 persons, 1 offer,
 * 4 expected (gap); Turkish 300, no offer (gap); women 5,000 with 4 of 5 expected offers. Waltrop:
 * Arabic 200 with 3 offers where 1 is expected; 2 German offers without recorded demand. Marl's
 * Stadtteil Hüls: Arabic 250, no offer, 1.25 expected (gap); Turkish 2 persons (a small count). Supply: Bildung Marl 2 (80,000
 * residents), Waltrop 3 (30,000), median 0.625 per 10,000; Sport Marl 0, Waltrop 1, median 1/6.
 */
public final class GapFixture {
    static final Unit MARL = new Unit("05562024", "Marl");
    static final Unit WALTROP = new Unit("05562040", "Waltrop");

    private GapFixture() {}

    public static GapReportData data() {
        List<GapRow> gemeinden = List.of(
                row(MARL, "language", "ar", 800, 1, 4.0, 0.25, true),
                row(MARL, "language", "tr", 300, 0, 1.5, 0.0, true),
                row(MARL, "gender", "w", 5000, 4, 5.0, 0.8, false),
                row(WALTROP, "language", "ar", 200, 3, 1.0, 3.0, false),
                row(WALTROP, "language", "de", 0, 2, 0.0, null, false));
        List<GapRow> districts = List.of(
                new GapRow("05562024-huels", "Hüls", MARL.id(), MARL.name(), "language", "ar", 250, 0, 1.25, 0.0, 1.25, true),
                new GapRow("05562024-huels", "Hüls", MARL.id(), MARL.name(), "language", "tr", 2, 0, 0.01, 0.0, 0.01, false));
        List<SupplyRow> supply = List.of(
                new SupplyRow(MARL.id(), MARL.name(), "bildung", 2, 80_000L, 0.25, "05562", 0.625),
                new SupplyRow(MARL.id(), MARL.name(), "sport", 0, 80_000L, 0.0, "05562", 1.0 / 6),
                new SupplyRow(WALTROP.id(), WALTROP.name(), "bildung", 3, 30_000L, 1.0, "05562", 0.625),
                new SupplyRow(WALTROP.id(), WALTROP.name(), "sport", 1, 30_000L, 1.0 / 3, "05562", 1.0 / 6));
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        labels.put("language", ordered("de", "deutsch", "ar", "arabisch", "tr", "türkisch"));
        labels.put("gender", ordered("m", "männlich", "w", "weiblich", "d", "divers"));
        labels.put("age_group", ordered("0-1", "Babys (0 - unter 1 Jahr)"));
        labels.put("migration", ordered("neu", "insbesondere für Neuzugewanderte"));
        labels.put("category", ordered("bildung", "Bildung / Sprachförderung", "sport", "Sport"));
        return new GapReportData(YearMonth.of(2026, 10), new Unit("05562", "Kreis Recklinghausen"), List.of(MARL, WALTROP),
                gemeinden, districts, supply, labels, 200, 0.5, LocalDate.of(2026, 10, 1),
                Map.of("gold.coverage_gaps", 7L, "gold.supply_matrix", 3L), 4, "run-42", Instant.parse("2026-11-02T08:15:00Z"));
    }

    /**
     * The same month with centres for both Gemeinden and their gold.offer_access rows. Marl's Arabic gap is reachable:
     * Waltrop, 9.5 km away, has 3 Arabic offers (access 30.0 per 10,000 against 25.0 in the Kreis). Marl's Turkish
     * gap remains: no Turkish offer within 15 km (access 0).
     */
    public static GapReportData withAccess() {
        GapReportData data = data();
        List<AccessRow> access = List.of(
                new AccessRow(MARL.id(), MARL.name(), "language", "ar", 30.0, 25.0, 1.2, false,
                        List.of(new AccessRow.Neighbour(WALTROP.name(), 9.5, 3))),
                new AccessRow(MARL.id(), MARL.name(), "language", "tr", 0.0, 0.0, null, true, List.of()),
                new AccessRow(MARL.id(), MARL.name(), "gender", "w", 8.0, 8.0, 1.0, false, List.of()),
                new AccessRow(WALTROP.id(), WALTROP.name(), "language", "ar", 110.0, 25.0, 4.4, false,
                        List.of(new AccessRow.Neighbour(MARL.name(), 9.5, 1))),
                new AccessRow(WALTROP.id(), WALTROP.name(), "language", "de", 0.0, null, null, false, List.of()));
        return new GapReportData(data.month(), data.kreis(), data.gemeinden(), data.gemeindeRows(), data.districtRows(), data.supply(),
                data.labels(), data.minDemand(), data.coverageIndexLimit(), data.offersSnapshot(), data.tableVersions(),
                data.rejectedRows(), data.runId(), data.generatedAt(), access, java.util.Set.of(MARL.id(), WALTROP.id()), 15.0,
                List.of(new MapGeometry.Centre(MARL.id(), MARL.name(), 51.656, 7.090),
                        new MapGeometry.Centre(WALTROP.id(), WALTROP.name(), 51.623, 7.401),
                        new MapGeometry.Centre("05562024-huels", "Hüls", 51.668, 7.117)), Map.of());
    }

    private static GapRow row(Unit unit, String dimension, String value, long demand, long offers, double expected, Double index,
                              boolean gap) {
        return new GapRow(unit.id(), unit.name(), unit.id(), unit.name(), dimension, value, demand, offers, expected, index,
                expected - offers, gap);
    }

    private static Map<String, String> ordered(String... codesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndLabels.length; i += 2) {
            map.put(codesAndLabels[i], codesAndLabels[i + 1]);
        }
        return map;
    }
}
