package de.integrationsmonitor.reports.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.integrationsmonitor.reports.common.charts.Heatmap;
import de.integrationsmonitor.reports.common.disclosure.Plans;
import de.integrationsmonitor.reports.common.render.FileNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Versorgungslücken report on {@link GapFixture}: ranking, wording, colours and the rendered PDFs. */
class TestGapReport {
    private final GapReportData data = GapFixture.data();
    private final GapLabels labels = new GapLabels(data.labels());

    @Test
    void gapsAreRankedByShortfallAndTheGemeindeListIncludesItsStadtteile() {
        assertThat(GapReport.ranked(GapReport.kreisScope(data).rows())).extracting(GapRow::name, GapRow::value)
                .containsExactly(tuple("Marl", "ar"), tuple("Marl", "tr"));
        assertThat(GapReport.ranked(GapReport.gemeindeScope(data, GapFixture.MARL).rows())).extracting(GapRow::name, GapRow::shortfall)
                .containsExactly(tuple("Marl", 3.0), tuple("Marl", 1.5), tuple("Hüls", 1.25));
        assertThat(GapReport.gemeindeScope(data, GapFixture.MARL).columns()).containsExactly("Marl", "Hüls");
        assertThat(GapReport.gemeindeScope(data, GapFixture.WALTROP).columns()).containsExactly("Waltrop");
    }

    @Test
    void summaryStatesCountsPlacesAndTheLargestShortfallInPlainGerman() {
        assertThat(GapReport.summary(data, GapReport.kreisScope(data), labels, Plans.of(data))).isEqualTo(
                "Im Oktober 2026 gibt es im Kreis Recklinghausen 2 Versorgungslücken in 1 von 2 Gemeinden. "
                        + "Nach Merkmal: Sprache 2, Altersgruppe 0, Geschlecht 0, Migrationshintergrund 0. "
                        + "Bei 1 davon gibt es trotz Bedarf kein einziges Angebot. Zusammen fehlen rechnerisch 4,5 Angebote. "
                        + "Größter Fehlbedarf: Sprache Arabisch in Marl (800 Personen, 1 Angebot, erwartet 4,0).");
        assertThat(GapReport.summary(data, GapReport.gemeindeScope(data, GapFixture.MARL), labels, Plans.of(data)))
                .startsWith("Im Oktober 2026 gibt es in Marl 3 Versorgungslücken, davon 1 in Stadtteilen. ");
        assertThat(GapReport.summary(data, GapReport.gemeindeScope(data, GapFixture.WALTROP), labels, Plans.of(data))).isEqualTo(
                "Im Oktober 2026 gibt es in Waltrop keine Versorgungslücke nach der Definition auf der Methodenseite.");
    }

    @Test
    void heatmapCellsTellNoOfferFromNoDemandAndMarkGaps() {
        List<Heatmap.Cell> cells = GapReport.coverageCells(data.gemeindeRows(), "language", labels, 0.5);
        assertThat(cells).extracting(Heatmap.Cell::row, Heatmap.Cell::column, Heatmap.Cell::shade, Heatmap.Cell::text,
                Heatmap.Cell::emphasised).containsExactly(
                tuple("Arabisch", "Marl", Heatmap.Shade.LOW, "0,25", true),
                tuple("Türkisch", "Marl", Heatmap.Shade.ZERO, "0", true),
                tuple("Arabisch", "Waltrop", Heatmap.Shade.HIGH, "3,0", false),
                tuple("Deutsch", "Waltrop", Heatmap.Shade.NEUTRAL, "2", false));
        assertThat(GapReport.shade(data.gemeindeRows().get(2), 0.5)).isEqualTo(Heatmap.Shade.MEDIUM);
        // Languages by demand in the scope, largest first.
        assertThat(GapReport.heatmapRows(data.gemeindeRows(), "language", labels)).containsExactly("Arabisch", "Türkisch", "Deutsch");
        assertThat(GapReport.heatmapDescription(GapReport.kreisScope(data), "language", labels))
                .endsWith("Kein Angebot trotz Bedarf (1): Türkisch in Marl.");
    }

    @Test
    void categoryLinesCompareWithTheAreaMedian() {
        assertThat(GapReport.categoryLines(GapReport.kreisScope(data), labels)).containsExactly(
                Map.of("category", "Bildung / Sprachförderung", "offers", "5", "per10k", "0,5", "median", "0,6",
                        "remark", "in allen Gemeinden vertreten"),
                Map.of("category", "Sport", "offers", "1", "per10k", "0,1", "median", "0,2", "remark", "kein Angebot in Marl"));
        assertThat(GapReport.categoryLines(GapReport.gemeindeScope(data, GapFixture.MARL), labels))
                .extracting(line -> (Object) line.get("remark")).containsExactly("dünn: unter halbem Median", "kein Angebot");
    }

    @Test
    void fileNamesAreStableAscii() {
        assertThat(FileNames.slug("Oer-Erkenschwick")).isEqualTo("oer-erkenschwick");
        assertThat(FileNames.slug("Haltern am See")).isEqualTo("haltern-am-see");
        assertThat(FileNames.slug("Köln-Mülheim (Süd)")).isEqualTo("koeln-muelheim-sued");
        assertThat(GapReport.gemeindeFileName(data, GapFixture.MARL)).isEqualTo("versorgungsluecken_2026-10_marl.pdf");
    }

    @Test
    void rendersTheKreisPdfAndOnePerGemeinde(@TempDir Path out) throws IOException {
        List<Path> files = GapReport.renderPdfs(data, Plans.of(data), out);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
                "versorgungsluecken_2026-10.pdf", "versorgungsluecken_2026-10_marl.pdf", "versorgungsluecken_2026-10_waltrop.pdf");
        String kreis = text(files.get(0));
        assertThat(kreis).contains("Versorgungslücken – Kreis Recklinghausen")
                .contains("Berichtsmonat: Oktober 2026")
                .contains("Datenstand: Angebote vom 01.10.2026 · Datenversion: gold.coverage_gaps v7, gold.supply_matrix v3")
                .contains("1 Marl Sprache Arabisch 800 1 4,0 3,0 0,25")
                .contains("2 Marl Sprache Türkisch 300 0 1,5 1,5 0,00")
                .contains("Bildung / Sprachförderung 5 0,5 0,6 in allen Gemeinden vertreten")
                .contains("Methode: So wird eine Versorgungslücke bestimmt")
                .contains("mindestens 200 Personen Bedarf und kein Angebot oder ein Deckungsgrad unter 0,50")
                .contains("Lauf run-42")
                .doesNotContain("Stadtteile mit bekanntem Bedarf");
        String marl = text(files.get(1));
        assertThat(marl).contains("Versorgungslücken – Marl").contains("Stadtteile mit bekanntem Bedarf")
                .contains("Hüls Sprache Arabisch 250 0 1,3 0,00 ja")
                .contains("Hüls Sprache Türkisch • 0 0,0 0,00 nein")
                .contains("„•“: weniger als 3 Personen")
                .contains("3 Stadtteil Hüls Sprache Arabisch 250 0 1,3 1,3 0,00");
        assertThat(text(files.get(2))).contains("keine Versorgungslücke").doesNotContain("Stadtteile mit bekanntem Bedarf");
    }

    @Test
    void eachListedGapIsMarkedByWhatTheNeighbouringTownsOffer() {
        GapReportData located = GapFixture.withAccess();
        GapLabels labels = new GapLabels(located.labels());
        List<GapRow> ranked = GapReport.ranked(GapReport.gemeindeScope(located, GapFixture.MARL).rows());

        assertThat(GapReport.neighbourLines(ranked, located, labels)).extracting(l -> l.get("rank"), l -> l.get("place"),
                l -> l.get("value"), l -> l.get("access"), l -> l.get("verdict")).containsExactly(
                tuple("1", "Marl", "Sprache: Arabisch", "30,0 (25,0)",
                        "durch Angebote in Nachbarorten erreichbar: Waltrop 9,5 km (3 Angebote)"),
                tuple("2", "Marl", "Sprache: Türkisch", "0,0 (0,0)", "auch unter Berücksichtigung der Nachbarorte unterversorgt; "
                        + "kein Angebot in einer anderen Gemeinde innerhalb von 15 km"));  // rank 3, Stadtteil Hüls: not listed
        assertThat(GapReport.summary(located, GapReport.kreisScope(located), labels, Plans.of(located)))
                .endsWith(" Unter Berücksichtigung der Angebote in Nachbarorten bleiben 1 der 2 Lücken in Gemeinden unterversorgt.");
    }

    @Test
    void withoutCentresTheReportSaysWhyThereIsNoViewAcrossBorders(@TempDir Path out) throws IOException {
        String kreis = text(GapReport.renderPdfs(data, Plans.of(data), out).get(0));
        assertThat(kreis).contains("Versorgungslücken und Nachbarorte")
                .contains("Für die Gemeinden dieses Gebiets wurden keine Koordinaten geliefert (Spalten lat;lon in "
                        + "reference/org_units.csv).")
                .doesNotContain("bleiben 1 der 2");
        String located = text(GapReport.renderPdfs(GapFixture.withAccess(), Plans.of(GapFixture.withAccess()), out.resolve("located"))
                .get(0));
        assertThat(located).contains("2 Marl Sprache: Türkisch 0,0 (0,0) auch unter Berücksichtigung der Nachbarorte unterversorgt")
                .contains("Erreichbarkeit über Gemeindegrenzen (gold.offer_access)");
    }

    @Test
    void theKreisMapsColourEachGemeindeByItsClassAndLeaveAMissingRowWithoutData() {
        GapReportData located = GapFixture.withAccess();
        GapLabels labels = new GapLabels(located.labels());
        List<String> languages = GapMaps.languages(located.gemeindeRows());
        // Arabic's shortfall 3.0 (Marl) before Turkish's 1.5; German has no demand
        assertThat(languages).containsExactly("ar", "tr");

        assertThat(GapMaps.languagePanels(located, Plans.of(located), labels, languages,
                row -> java.util.Optional.of(GapReport.shade(row, located.coverageIndexLimit()))))
                .extracting(p -> p.title(), p -> p.classes()).containsExactly(
                        tuple("Arabisch", java.util.Map.of(GapFixture.MARL.id(), "LOW", GapFixture.WALTROP.id(), "HIGH")),
                        tuple("Türkisch", java.util.Map.of(GapFixture.MARL.id(), "ZERO")));  // Waltrop: keine Daten
        assertThat(GapMaps.languagePanels(located, Plans.of(located), labels, languages,
                row -> located.accessOf(row).map(a -> GapMaps.accessShade(row, a, located.coverageIndexLimit()))))
                .extracting(p -> p.classes()).containsExactly(
                        java.util.Map.of(GapFixture.MARL.id(), "HIGH", GapFixture.WALTROP.id(), "HIGH"),  // ratios 1.2 and 4.4
                        java.util.Map.of(GapFixture.MARL.id(), "ZERO"));                                  // nothing within 15 km
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
