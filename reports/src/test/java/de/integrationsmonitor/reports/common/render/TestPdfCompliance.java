package de.integrationsmonitor.reports.common.render;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import de.integrationsmonitor.reports.gaps.GapFixture;
import de.integrationsmonitor.reports.gaps.GapReport;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.monthly.MonthlyReport;
import de.integrationsmonitor.reports.monthly.MunicipalityRow;
import de.integrationsmonitor.reports.monthly.TestMonthlyReport;
import de.integrationsmonitor.reports.workshops.TestWorkshopReport;
import de.integrationsmonitor.reports.workshops.WorkshopReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * Every report PDF is PDF/A-2A and PDF/UA-1 as veraPDF, the reference validator, checks them.
 * Beyond what veraPDF can check: headings, column header cells and the charts' alternative text
 * (with characters beyond Latin-1 intact) are in the structure tree, and the page footer is a
 * pagination artifact on every page.
 */
public class TestPdfCompliance {
    private static final List<PDFAFlavour> FLAVOURS = List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1);

    @BeforeAll
    static void initialiseVeraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void monatsberichtIsPdfA2aAndPdfUa1(@TempDir Path out) throws IOException {
        MonthlyReportData data = TestMonthlyReport.sample(TestMonthlyReport.municipalities());
        Path pdf = MonthlyReport.renderPdf(data, Plans.of(data), out);

        assertCompliant(pdf);
        Tagging tagging = tagging(pdf);
        assertThat(tagging.headings()).containsExactly("H1", "H2", "H2", "H2", "H2", "H2", "H2", "H2");
        assertThat(tagging.figureAlts()).singleElement().asString().startsWith("Diagramm: Teilnehmende je Monat (Balken)");
        // key figures 6, Gemeinden 9, categories 3, largest gaps 9 column headers
        assertThat(tagging.headerScopes()).hasSize(6 + 9 + 3 + 9 + 2).containsOnly("Column");
        assertThat(tagging.footers()).containsExactly(
                "Berichtsmonat 10/2026 · erstellt am 22.11.2026 21:15 · Lauf run-2026-11-22-001 · Seite 1 von 2",
                "Berichtsmonat 10/2026 · erstellt am 22.11.2026 21:15 · Lauf run-2026-11-22-001 · Seite 2 von 2");
    }

    @Test
    void monatsberichtOverSeveralPagesIsPdfA2aAndPdfUa1(@TempDir Path out) throws IOException {
        List<MunicipalityRow> rows = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            rows.add(new MunicipalityRow("Gemeinde " + i, i, (long) i, 0L, 1, 100, 50, 10, 0));
        }
        MonthlyReportData data = TestMonthlyReport.sample(rows);
        Path pdf = MonthlyReport.renderPdf(data, Plans.of(data), out);

        assertCompliant(pdf);
        List<String> footers = tagging(pdf).footers();
        assertThat(footers).hasSizeGreaterThan(1);
        for (int page = 1; page <= footers.size(); page++) {
            assertThat(footers.get(page - 1)).endsWith("Seite " + page + " von " + footers.size());
        }
    }

    @Test
    void versorgungslueckenPdfsArePdfA2aAndPdfUa1(@TempDir Path out) throws IOException {
        // A language label with a letter outside PDFDocEncoding ("ă"), which Jasper alone drops from alternative text.
        // With centres, so that the Kreis PDF carries both maps and the Marl PDF the map of its Stadtteil.
        GapReportData fixture = GapFixture.withAccess();
        Map<String, Map<String, String>> labels = new HashMap<>(fixture.labels());
        Map<String, String> languages = new LinkedHashMap<>(labels.get("language"));
        languages.put("tr", "rumänisch – Română");
        labels.put("language", languages);
        GapReportData data = new GapReportData(fixture.month(), fixture.kreis(), fixture.gemeinden(), fixture.gemeindeRows(),
                fixture.districtRows(), fixture.supply(), labels, fixture.minDemand(), fixture.coverageIndexLimit(),
                fixture.offersSnapshot(), fixture.tableVersions(), fixture.rejectedRows(), fixture.runId(), fixture.generatedAt(),
                fixture.access(), fixture.located(), fixture.catchmentKm(), fixture.centres(), fixture.shapes());

        List<Path> pdfs = GapReport.renderPdfs(data, Plans.of(data), out);

        for (Path pdf : pdfs) {
            assertCompliant(pdf);
        }
        Tagging kreis = tagging(pdfs.get(0));
        assertThat(kreis.headings()).startsWith("H1", "H2").doesNotContain("H3");
        assertThat(kreis.figureAlts()).hasSize(7).allSatisfy(alt -> assertThat(alt).isNotBlank())
                .contains("Heatmap: Deckungsgrad nach Sprache und Gemeinde. Kein Angebot trotz Bedarf (1): Rumänisch – Română in Marl.")
                .contains("Karte der Gemeinden im Kreis Recklinghausen, eingefärbt nach Deckungsgrad, je eine für die Sprachen "
                        + "Arabisch, Rumänisch – Română. Kein Angebot trotz Bedarf: Rumänisch – Română in Marl. Die Flächen sind "
                        + "schematisch aus den Zentren gebildet.");
        assertThat(tagging(pdfs.get(1)).figureAlts()).anySatisfy(alt -> assertThat(alt).startsWith("Karte der Stadtteile von Marl"));
        assertThat(kreis.headerScopes()).isNotEmpty().containsOnly("Column");
        assertThat(kreis.footers()).isNotEmpty().allSatisfy(footer -> assertThat(footer).contains("Lauf run-42 · Seite"));
    }

    @Test
    void workshopAuswertungIsPdfA2aAndPdfUa1(@TempDir Path out) throws IOException {
        Path pdf = WorkshopReport.renderPdf(TestWorkshopReport.sample(), Plans.of(TestWorkshopReport.sample()), out);

        assertCompliant(pdf);
        Tagging tagging = tagging(pdf);
        assertThat(tagging.headings()).containsExactly("H1", "H2", "H2", "H2");
        assertThat(tagging.figureAlts()).singleElement().asString().startsWith("Diagramm: Aussagen je Handlungsfeld");
        // workshops 9 columns, statements 3, repeated where the statements continue on the next page
        assertThat(tagging.headerScopes()).hasSize(9 + 3 + 3).containsOnly("Column");
    }

    /** Asserts {@code pdf} is PDF/A-2A and PDF/UA-1; the message lists every failed rule. */
    public static void assertCompliant(Path pdf) throws IOException {
        VeraGreenfieldFoundryProvider.initialise();
        VeraPDFFoundry foundry = Foundries.defaultInstance();
        for (PDFAFlavour flavour : FLAVOURS) {
            try (InputStream in = Files.newInputStream(pdf);
                 PDFAParser parser = foundry.createParser(in, flavour);
                 PDFAValidator validator = foundry.createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                assertThat(result.isCompliant())
                        .as("%s is %s; failed rules:%n%s", pdf.getFileName(), flavour, failedRules(result))
                        .isTrue();
            } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
                throw new AssertionError("veraPDF cannot validate " + pdf + ": " + e.getMessage(), e);
            }
        }
    }

    /** One line per failed rule: clause and test number, how often, the rule and its first location. */
    private static String failedRules(ValidationResult result) {
        Map<String, String> firstFailure = new TreeMap<>();
        Map<String, Integer> failures = new TreeMap<>();
        for (TestAssertion assertion : result.getTestAssertions()) {
            if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                String rule = assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber();
                firstFailure.putIfAbsent(rule, assertion.getMessage() + " (at " + assertion.getLocation().getContext() + ")");
                failures.merge(rule, 1, Integer::sum);
            }
        }
        StringBuilder text = new StringBuilder();
        firstFailure.forEach((rule, failure) -> text.append("  ").append(rule).append(" ×").append(failures.get(rule))
                .append(": ").append(failure).append(System.lineSeparator()));
        return text.toString();
    }

    /**
     * @param headings H1…H6 in document order
     * @param figureAlts alternative text of every figure
     * @param headerScopes {@code /Scope} of every table header cell (null if missing)
     * @param footers text of the pagination footer artifacts, one string per page
     */
    private record Tagging(List<String> headings, List<String> figureAlts, List<String> headerScopes, List<String> footers) {}

    private static Tagging tagging(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            Tagging tagging = new Tagging(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            collectStructure(document.getDocumentCatalog().getStructureTreeRoot(), tagging);
            for (PDPage page : document.getPages()) {
                PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
                extractor.processPage(page);
                StringBuilder footer = new StringBuilder();
                for (PDMarkedContent content : extractor.getMarkedContents()) {
                    COSDictionary properties = content.getProperties();
                    if ("Artifact".equals(content.getTag()) && properties != null
                            && "Pagination".equals(properties.getNameAsString(COSName.TYPE))
                            && "Footer".equals(properties.getNameAsString(COSName.SUBTYPE))) {
                        footer.append(text(content));
                    }
                }
                tagging.footers().add(footer.toString());
            }
            return tagging;
        }
    }

    private static void collectStructure(PDStructureNode node, Tagging tagging) {
        for (Object kid : node.getKids()) {
            if (!(kid instanceof PDStructureElement element)) {
                continue;
            }
            String type = element.getStandardStructureType();
            if (type.matches("H[1-6]")) {
                tagging.headings().add(type);
            } else if ("Figure".equals(type)) {
                tagging.figureAlts().add(element.getAlternateDescription());
            } else if ("TH".equals(type)) {
                COSDictionary attributes = element.getCOSObject().getCOSDictionary(COSName.A);
                tagging.headerScopes().add(attributes == null ? null : attributes.getNameAsString(COSName.getPDFName("Scope")));
            }
            collectStructure(element, tagging);
        }
    }

    private static String text(PDMarkedContent content) {
        StringBuilder text = new StringBuilder();
        for (Object item : content.getContents()) {
            if (item instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (item instanceof PDMarkedContent nested) {
                text.append(text(nested));
            }
        }
        return text.toString();
    }
}
