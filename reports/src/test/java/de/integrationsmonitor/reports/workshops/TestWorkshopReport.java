package de.integrationsmonitor.reports.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workshops: "Wohnen" in Marl (30 people; 2 Sonne, 1 Wind) and "Sport" in Waltrop (2 people, a
 * small count; 1 Gewitter).
 */
public class TestWorkshopReport {
    private static final Map<String, String> CATEGORIES = categories();

    private final WorkshopReportData data = sample();

    /** The two workshops above, for other report tests. */
    public static WorkshopReportData sample() {
        return new WorkshopReportData(YearMonth.of(2026, 10), "Kreis Recklinghausen",
                List.of(new WorkshopRow("W1", "Wohnen im Quartier", "Wohnen", LocalDate.of(2026, 3, 5), "Marl", "Rathaus", 30L,
                                Map.of("sonne", 2L, "wolke", 0L, "gewitter", 0L, "wind", 1L)),
                        new WorkshopRow("W2", "Sport für alle", "Sport, Kultur, Religion, Freizeit", LocalDate.of(2026, 4, 9), "Waltrop", null,
                                2L, Map.of("sonne", 0L, "wolke", 0L, "gewitter", 1L, "wind", 0L))),
                List.of(new StatementRow("Wohnen", "W1", LocalDate.of(2026, 3, 5), "wind", "Eine Wohnungstausch-Börse", 4),
                        new StatementRow("Wohnen", "W1", LocalDate.of(2026, 3, 5), "sonne", "Gute Nachbarschaft", 2),
                        new StatementRow("Wohnen", "W1", LocalDate.of(2026, 3, 5), "sonne", "Mietercafé läuft", 3),
                        new StatementRow("Sport, Kultur, Religion, Freizeit", "W2", LocalDate.of(2026, 4, 9), "gewitter",
                                "Hallenzeiten fehlen", 5)),
                CATEGORIES, Map.of("gold.workshop_evaluation", 3L), "run-7", Instant.parse("2026-11-02T08:15:00Z"));
    }

    @Test
    void summarisesAndOrdersByFieldThenCategory() {
        assertThat(WorkshopReport.subtitle(data)).isEqualTo("Stand: Oktober 2026 · 2 Workshops in 2 Handlungsfeldern · 4 Aussagen");
        assertThat(WorkshopReport.legend(CATEGORIES))
                .isEqualTo("Sonne: was gut läuft · Wolke: was unklar ist · Gewitter: was sich ändern muss · Wind: gute Ideen.");
        assertThat(WorkshopReport.statementLines(data)).extracting(line -> (Object) line.get("statement")).containsExactly(
                "Hallenzeiten fehlen", "Gute Nachbarschaft", "Mietercafé läuft", "Eine Wohnungstausch-Börse");
        assertThat(WorkshopReport.workshopLines(data, Plans.of(data))).extracting(line -> (Object) line.get("participants"))
                .containsExactly("•", "30");
        assertThat(StatementsChart.description(WorkshopReport.countsPerField(data), CATEGORIES)).isEqualTo(
                "Diagramm: Aussagen je Handlungsfeld, gestapelt nach Kategorie der Klimakonferenz. "
                        + "Insgesamt Sonne 2, Wolke 0, Gewitter 1, Wind 1. Die meisten Aussagen: Wohnen.");
    }

    @Test
    void rendersTablesAndStatements(@TempDir Path out) throws IOException {
        Path pdf = WorkshopReport.renderPdf(data, Plans.of(data), out);
        assertThat(pdf.getFileName().toString()).isEqualTo("workshop_auswertung_2026-10.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Workshop-Auswertung – Kreis Recklinghausen")
                    .contains("Wohnen Wohnen im Quartier 05.03.2026 Marl, Rathaus 30 2 0 0 1")
                    .contains("Sport für alle 09.04.2026 Waltrop • 0 0 1 0")
                    .contains("Wohnen Sonne Gute Nachbarschaft")
                    .contains("Wohnen Wind Eine Wohnungstausch-Börse")
                    .contains("Quelle: gold.workshop_evaluation v3")
                    .contains("Lauf run-7");
        }
    }

    @Test
    void workbookListsEveryWorkshopWithItsCountsAndEveryStatement(@TempDir Path out) throws IOException {
        Path xlsx = WorkshopWorkbook.write(data, Plans.of(data), out);
        assertThat(xlsx.getFileName().toString()).isEqualTo("workshop_auswertung_2026-10.xlsx");
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            List<org.dhatim.fastexcel.reader.Row> workshops = workbook.getSheet(0).orElseThrow().read();
            assertThat(workshops.get(0).getCellText(6)).isEqualTo("Teilnehmende");
            assertThat(workshops.get(0).getCellText(7)).isEqualTo("Aussagen Sonne");
            // Sport (W2, 2 people: "•") before Wohnen (W1, 30), as in the PDF; the date is a date cell
            assertThat(workshops.get(1).getCellText(0)).isEqualTo("W2");
            assertThat(workshops.get(1).getCellText(6)).isEqualTo("•");
            assertThat(workshops.get(2).getCellAsNumber(6)).contains(new java.math.BigDecimal("30"));
            assertThat(workshops.get(2).getCellAsDate(3)).contains(java.time.LocalDateTime.of(2026, 3, 5, 0, 0));
            assertThat(workshops.get(2).getCellAsNumber(7)).contains(new java.math.BigDecimal("2"));
            List<org.dhatim.fastexcel.reader.Row> statements = workbook.getSheet(1).orElseThrow().read();
            assertThat(statements).hasSize(1 + 4);
            assertThat(statements.get(1).getCellText(2)).isEqualTo("Hallenzeiten fehlen");
        }
    }

    private static Map<String, String> categories() {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("sonne", "Sonne");
        categories.put("wolke", "Wolke");
        categories.put("gewitter", "Gewitter");
        categories.put("wind", "Wind");
        return categories;
    }
}
