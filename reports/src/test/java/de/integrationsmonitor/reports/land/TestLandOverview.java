package de.integrationsmonitor.reports.land;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import de.integrationsmonitor.reports.common.render.TestPdfCompliance;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five areas: Recklinghausen (616,900 residents, 500 offers), Bielefeld (334,000; 60 offers, 2 participants this month),
 * Köln (1,024,000; 900 offers), Hamm (178,000; 40 offers) and Kreis Lippe (348,000), which delivered nothing for the month.
 */
class TestLandOverview {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static LandOverviewData.AreaLine area(String id, String name, long population, Long offers, Long events, Long participants,
                                                  Long participantsBefore) {
        return new LandOverviewData.AreaLine(id, name, "Münster", population, offers, offers, events, participants, participantsBefore,
                null, offers == null ? null : 2L, offers == null ? null : 3.5, List.of(), List.of(), null);
    }

    private static Map<String, Object> plain(Map<String, ?> line) {
        return new java.util.HashMap<>(line);
    }

    private static List<LandOverviewData.AreaLine> areas() {
        return new ArrayList<>(LandOverviewQueries.withPeers(List.of(
                area("05562", "Kreis Recklinghausen", 616_900, 500L, 40L, 400L, 380L),
                area("05711", "Bielefeld", 334_000, 60L, 1L, 2L, 12L),
                area("05315", "Köln", 1_024_000, 900L, 80L, 900L, 850L),
                area("05915", "Hamm", 178_000, 40L, 5L, 30L, null),
                area("05766", "Kreis Lippe", 348_000, null, null, null, null))));
    }

    /**
     * By hand, offers per 10,000: Recklinghausen 8.105, Bielefeld 1.796, Köln 8.789, Hamm 2.247; Lippe none. Bielefeld's
     * four peers by |ln(population) − ln(334,000)| are Recklinghausen (0.61), Hamm (0.63), Köln (1.12) — only three others
     * have offers — so their median is Recklinghausen's 8.105. Lippe (348,000), without offers of its own, still gets four peers.
     */
    @Test
    void peersAreTheAreasClosestInPopulationAmongThoseWithOffers() {
        List<LandOverviewData.AreaLine> lines = areas();
        LandOverviewData.AreaLine bielefeld = lines.get(1);
        assertThat(bielefeld.offersPer10k()).isCloseTo(1.7964, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(bielefeld.peers()).containsExactly("Kreis Recklinghausen", "Hamm", "Köln");
        assertThat(bielefeld.peerMedianPer10k()).isCloseTo(500 * 10_000.0 / 616_900, org.assertj.core.data.Offset.offset(1e-9));
        LandOverviewData.AreaLine lippe = lines.get(4);
        assertThat(lippe.delivered()).isFalse();
        assertThat(lippe.peers()).containsExactly("Bielefeld", "Kreis Recklinghausen", "Hamm", "Köln");
        // median of 1.796, 2.247, 8.105, 8.789: the mean of the middle two
        assertThat(lippe.peerMedianPer10k()).isCloseTo((40 * 10_000.0 / 178_000 + 500 * 10_000.0 / 616_900) / 2,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void topLanguagesAreTheThreeLargestShortfallsByLabel() {
        assertThat(LandOverviewQueries.topLanguages(Map.of("ar", 4.0, "tr", 9.5, "ru", 4.0, "uk", 1.0),
                Map.of("ar", "arabisch", "tr", "türkisch", "ru", "Russisch"))).containsExactly("Türkisch", "Arabisch", "Russisch");
    }

    /** "keine Lieferung" is not 0; a small count of persons and its change are not shown. */
    @Test
    void anAreaWithoutDeliveryReadsKeineLieferungAndSmallCountsAreProtected() {
        LandOverviewData data = new LandOverviewData(OCTOBER, areas(), List.of(), Map.of("gold.kpi_monthly", 4L), "run-1",
                Instant.parse("2026-11-02T08:15:00Z"));
        List<Map<String, ?>> lines = LandOverview.areaLines(data, Plans.of(data));
        assertThat(plain(lines.get(1))).containsEntry("participants", "•").containsEntry("participantsChange", "•")
                .containsEntry("per10k", "1,80");
        assertThat(plain(lines.get(0))).containsEntry("participants", "400").containsEntry("participantsChange", "+20 (+5,3 %)");
        assertThat(plain(lines.get(4))).containsEntry("offers", "–").containsEntry("participants", "–")
                .containsEntry("delivery", "keine Lieferung");
        assertThat(plain(LandOverview.deliveryLines(data).get(4))).containsEntry("note", "keine Berichte für dieses Gebiet");
        assertThat(LandOverview.statusText(Map.of())).isEqualTo("keine Indikatoren gemeldet");
    }

    @Test
    void rendersAnAccessibleArchivablePdfAndAWorkbook(@TempDir Path out) throws IOException {
        List<LandOverviewData.AreaLine> lines = areas();
        lines.sort(java.util.Comparator.comparing(LandOverviewData.AreaLine::name, java.text.Collator.getInstance(java.util.Locale.GERMAN)));
        LandOverviewData data = new LandOverviewData(OCTOBER, lines,
                List.of(new LandOverviewData.ProjectLine("Rheine", "Kreis Steinfurt", "P7", "Integrationskurs binnen 8 Wochen",
                        Map.of("auf Kurs", 2L))),
                Map.of("gold.kpi_monthly", 4L), "run-1", Instant.parse("2026-11-02T08:15:00Z"));
        Path pdf = LandOverview.renderPdf(data, Plans.of(data), out);
        TestPdfCompliance.assertCompliant(pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Landesübersicht Oktober 2026").contains("5 Kreise und kreisfreie Städte, davon 4 mit Daten")
                    .contains("Kreis Lippe Münster 348.000 – – – – – – – keine Lieferung").contains("Köln Münster 1.024.000 900")
                    .contains("Rheine P7 Integrationskurs binnen 8 Wochen 2 auf Kurs");
        }
        Path xlsx = LandOverviewWorkbook.write(data, Plans.of(data), out);
        assertThat(xlsx.getFileName().toString()).isEqualTo("landesuebersicht_2026-10.xlsx");
    }
}
