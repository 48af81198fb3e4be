package de.integrationsmonitor.reports.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class TestMonthlyReport {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    // 22.11.2026 21:15 in Berlin (CET, UTC+1)
    private static final Instant GENERATED_AT = Instant.parse("2026-11-22T20:15:00Z");
    private static final String RUN_ID = "run-2026-11-22-001";

    @TempDir
    Path outputDir;

    @Test
    void writesMonatsberichtWithGermanTextAndFooter() throws IOException {
        Path pdf = render(sample(municipalities()), outputDir);

        assertThat(pdf).isEqualTo(outputDir.resolve("monatsbericht_2026-10.pdf")).isRegularFile();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            String text = text(document);
            assertThat(text)
                    .contains("Monatsbericht Integrationsmonitor – Kreis Recklinghausen")
                    .contains("Berichtsmonat: Oktober 2026")
                    // key figures: 1234 vs. 1111 → +123 = +11,07 %; no previous-year value
                    .contains("Teilnehmende", "1.234", "1.111", "+123 (+11,1 %)", "keine Daten")
                    .contains("Größe der Angebotsdatenbank", "-12 (-2,3 %)")
                    .contains("Teilnehmende und aktive Angebote der letzten 12 Monate")
                    // chart text is real (embedded) text, not glyph outlines: month labels and axis title
                    .contains("Sept.", "Okt.", "Monat")
                    // Gemeinde table with umlauts and the Summe row (offers 61 + 40 + 12 = 113)
                    .contains("Oer-Erkenschwick", "Mülheim", "Haltern am See")
                    .contains("Summe", "113")
                    .contains("Berichtsmonat 10/2026 · erstellt am 22.11.2026 21:15 · Lauf " + RUN_ID + " · Seite 1 von 2")
                    // participation per category; 2 participants is a small count
                    .contains("Teilnahme nach Kategorie", "Bildung / Sprachförderung 12 340", "Sport 3 •")
                    .contains("Größte Versorgungslücken", "1 Marl Sprache Türkisch 3.812 7 15,4 8,4 0,45")
                    .contains("„•“: weniger als 3 Personen")
                    .contains("Modellprojekte", "✔ erreicht 6", "↗ auf Kurs 16")
                    .doesNotContain("null");
        }
    }

    @Test
    void embedsEveryFont() throws IOException {
        Path pdf = render(sample(municipalities()), outputDir);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEveryFontIsEmbeddedDejaVu(document);
        }
    }

    @Test
    void isTaggedGermanPdfWithMetadata() throws IOException {
        Path pdf = render(sample(municipalities()), outputDir);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Monatsbericht Oktober 2026");
            assertThat(document.getDocumentInformation().getAuthor()).isEqualTo("Integrationsmonitor");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("de-DE");
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
        }
    }

    @Test
    void longGemeindeTableContinuesOnNextPageWithPageCount() throws IOException {
        List<MunicipalityRow> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(new MunicipalityRow("Gemeinde " + i, i, (long) i, 0L, 1, 100, 50, 10, 0));
        }
        Path pdf = render(sample(rows), outputDir);

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(pages);
            stripper.setEndPage(pages);
            String lastPage = stripper.getText(document).replaceAll("\\s+", " ");
            assertThat(lastPage)
                    .contains("Gemeinde 60", "Summe")
                    // offers 1 + … + 60 = 1.830; participants 60 × 100 = 6.000
                    .contains("1.830", "6.000")
                    // column headers repeat on the continuation page
                    .contains("Gemeinde", "davon weiblich", "Workshops")
                    .contains("Seite " + pages + " von " + pages);
            // continuation pages and the export-time ("Master") page footer use embedded fonts too
            assertEveryFontIsEmbeddedDejaVu(document);
        }
    }

    @Test
    void replacesAnEarlierFileForTheSameMonth() throws IOException {
        Path first = render(sample(municipalities()), outputDir);
        long firstSize = Files.size(first);
        Path second = render(sample(List.of()), outputDir);

        assertThat(second).isEqualTo(first);
        assertThat(Files.size(second)).isNotEqualTo(firstSize);
        try (var files = Files.list(outputDir)) {
            assertThat(files).containsExactly(second);
        }
    }

    /** The demand cell of the sample's largest gap (Marl, Türkisch). */
    public static final de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell GAP_CELL =
            new de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell("Bedarf (Personen)", "05562024",
                    java.time.YearMonth.of(2026, 10), "language=tr");

    private static Path render(MonthlyReportData data, Path outputDir) {
        return MonthlyReport.renderPdf(data, Plans.of(data), outputDir);
    }

    public static MonthlyReportData sample(List<MunicipalityRow> municipalities) {
        List<KeyFigure> keyFigures = List.of(
                new KeyFigure("Teilnehmende", 1234L, 1111L, null, true),
                new KeyFigure("Größe der Angebotsdatenbank", 512L, 524L, 480L, false),
                new KeyFigure("Veranstaltungen", 23L, null, 20L, false));
        List<MonthPoint> trend = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth month = OCTOBER.minusMonths(i);
            // the last two months as the key figures show them: one cell, one value, in every table
            long participants = i == 0 ? 1234 : i == 1 ? 1111 : 800 + 40L * (11 - i);
            trend.add(new MonthPoint(month, participants, 450 + 5L * (11 - i)));
        }
        return new MonthlyReportData(OCTOBER, "Kreis Recklinghausen", GENERATED_AT, RUN_ID,
                keyFigures, trend, municipalities, null, List.of(),
                List.of(new CategoryRow("Bildung / Sprachförderung", 12, 340), new CategoryRow("Sport", 3, 2)),
                List.of(new TopGap("Marl", "Sprache", "Türkisch", 3812, 7, 15.4, 8.4, 0.4545, GAP_CELL)),
                List.of(new ProjectStatus("erreicht", 6), new ProjectStatus("auf Kurs", 16)),
                "12 Modellprojekte (Einwanderung gestalten NRW) mit 22 gemeldeten Indikatoren");
    }

    public static List<MunicipalityRow> municipalities() {
        return List.of(
                new MunicipalityRow("Oer-Erkenschwick", 61, 4L, 2L, 7, 1234, 640, 210, 2),
                new MunicipalityRow("Mülheim", 40, null, 1L, 3, 250, 120, 80, 1),
                new MunicipalityRow("Haltern am See", 12, 0L, 0L, 0, 0, 0, 0, 0));
    }

    /** The document's text with every run of whitespace as one space, so wrapped lines still match. */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }

    private static void assertEveryFontIsEmbeddedDejaVu(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            collectFonts(page.getResources(), fonts, new HashSet<>());
        }
        assertThat(fonts).isNotEmpty();
        assertThat(fonts).allSatisfy(font ->
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue());
        assertThat(fonts).allSatisfy(font -> assertThat(font.getName()).contains("DejaVuSans"));
    }

    private static void collectFonts(PDResources resources, List<PDFont> fonts, Set<COSName> seenForms)
            throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            fonts.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xObject = resources.getXObject(name);
            if (xObject instanceof PDFormXObject form && seenForms.add(name)) {
                collectFonts(form.getResources(), fonts, seenForms);
            }
        }
    }
}
