package de.integrationsmonitor.reports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.render.TestPdfCompliance;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two projects: P1 (Marl) reports the share UP (baseline 25 %, target 75 %): 50 % in August, nothing in
 * September, 87,5 % in October; P2 (Waltrop) the waiting time DOWN in days (42 → 14): 28, then 49.
 */
class TestEvaluationReport {
    private static final EvaluationData.Indicator UP = new EvaluationData.Indicator("UP", "Anteil Kursbeginn binnen 8 Wochen", "Anteil",
            "höher ist besser", 0.75, 0.25, "Monat", "Grundsatzziel");
    private static final EvaluationData.Indicator DOWN = new EvaluationData.Indicator("DOWN", "Wartezeit bis Erstberatung", "Tage",
            "niedriger ist besser", 14.0, 42.0, "Monat", "Kalendertage");

    private final EvaluationData data = new EvaluationData("Einwanderung gestalten NRW", YearMonth.of(2026, 10),
            List.of(new EvaluationData.Project("P1", "Kursbeginn in acht Wochen", "Marl", "Neuzugewanderte", LocalDate.of(2026, 8, 1), null),
                    new EvaluationData.Project("P2", "Schnelle Erstberatung", "Waltrop", null, LocalDate.of(2026, 9, 1),
                            LocalDate.of(2027, 12, 31))),
            List.of(DOWN, UP),
            List.of(period("P1", "UP", "2026-08", 0.5, 0.75, 0.25, 0.5, "auf Kurs"),
                    period("P1", "UP", "2026-09", null, 0.75, 0.25, null, "keine Daten"),
                    period("P1", "UP", "2026-10", 0.875, 0.75, 0.25, 1.25, "erreicht"),
                    period("P2", "DOWN", "2026-09", 28.0, 14.0, 42.0, 0.5, "auf Kurs"),
                    period("P2", "DOWN", "2026-10", 49.0, 14.0, 42.0, -0.25, "verfehlt")),
            List.of(new EvaluationData.Completeness("P1", 3, 2, 2.0 / 3, "UP 2026-09"), new EvaluationData.Completeness("P2", 2, 2, 1.0, "")),
            List.of(new EvaluationData.Trend("P1", "UP", "2026-10", 0.875, "erreicht", null, "verbessert"),
                    new EvaluationData.Trend("P2", "DOWN", "2026-10", 49.0, "verfehlt", 21.0, "verschlechtert")),
            Map.of("gold.indicator_attainment", 4L), "run-9", Instant.parse("2026-11-02T08:15:00Z"), null);

    @Test
    void statusIsShownWithSymbolAndWordAndValuesInTheirUnit() {
        assertThat(EvaluationReport.statusText("erreicht")).isEqualTo("✔ erreicht");
        assertThat(EvaluationReport.statusText("verfehlt")).isEqualTo("✖ verfehlt");
        assertThat(EvaluationReport.value(0.875, UP)).isEqualTo("87,5 %");
        assertThat(EvaluationReport.value(28.0, DOWN)).isEqualTo("28");
        assertThat(EvaluationReport.change(0.375, UP)).isEqualTo("+37,5 Pp.");
        assertThat(EvaluationReport.change(21.0, DOWN)).isEqualTo("+21");
        assertThat(EvaluationReport.statusCounts(data)).isEqualTo("Jüngster Status: 1 erreicht, 1 verfehlt.");
        assertThat(EvaluationReport.matrixCells(data)).extracting(c -> c.row() + " | " + c.column() + " | " + c.text())
                .containsExactly("P1 Marl | UP | ✔ erreicht", "P2 Waltrop | DOWN | ✖ verfehlt");
    }

    @Test
    void rendersAnArchivableAccessiblePdfAndAWorkbookForEvaluators(@TempDir Path out) throws IOException {
        Path pdf = EvaluationReport.renderPdf(data, out);
        assertThat(pdf.getFileName().toString()).isEqualTo("modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Modellprojekt-Evaluation – Einwanderung gestalten NRW")
                    .contains("P1 · Marl: Kursbeginn in acht Wochen")
                    .contains("Laufzeit 01.08.2026 bis offen · Zielgruppe: Neuzugewanderte · Vollständigkeit 66,7 % (2 von 3 Perioden geliefert)")
                    .contains("UP Anteil Kursbeginn binnen 8 Wochen 2026-10 87,5 % ✔ erreicht keine Daten verbessert")
                    .contains("DOWN P2 Waltrop 2026-10 49 ✖ verfehlt")
                    .contains("P1 Marl 3 2 66,7 % UP 2026-09")
                    .contains("Anhang: Indikatoren")
                    .contains("DOWN Wartezeit bis Erstberatung Tage niedriger ist besser 14 42 Monat Kalendertage")
                    // without case milestones: no waiting-time section and no method paragraph, as before
                    .doesNotContain("Wartezeit bis Kursbeginn aus den Falldaten").doesNotContain("Methode: Wartezeiten");
        }
        TestPdfCompliance.assertCompliant(pdf);

        Path xlsx = EvaluationWorkbook.write(data, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            List<Row> values = workbook.getFirstSheet().read();
            assertThat(values).hasSize(6);
            assertThat(values.get(2).getCellText(4)).isEqualTo("2026-09");
            assertThat(values.get(2).getOptionalCell(6).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
            assertThat(values.get(2).getCellText(10)).isEqualTo("keine Daten");
            assertThat(values.get(3).getCellAsNumber(9)).contains(new BigDecimal("1.25"));
        }
    }

    /**
     * P1's waiting time from case milestones, as TestTimeToEvent computes it by hand: 8 cases, 5 with a Kursbeginn,
     * Kaplan–Meier 53,125 % within 56 days (naive 80 %); cohorts 2026-Q2 (2 cases), Q3 (5: 4 reached, 1 waiting),
     * Q4 (1). With k = 3 every cohort has a protected count (Q3's 4 reached: secondary, its 1 waiting could be computed
     * back from the 5 cases), so only gesamt shows shares. UP is the delivered indicator of kursbeginn: the computed
     * 53,1 % is "auf Kurs" ((0,53125 − 0,25) / 0,5 = 0,5625), the delivered 87,5 % "erreicht": flagged.
     */
    @Test
    void waitingTimeFromCaseMilestonesBesideTheDeliveredIndicator(@TempDir Path out) throws IOException {
        EvaluationData.Waiting waiting = new EvaluationData.Waiting(List.of(
                wait("gesamt", 8, 5, 3, 0.53125, 0.237140, 0.880076, 56, 0.8),
                wait("2026-Q2", 2, 1, 1, 0.0, null, null, 75, 0.0),
                wait("2026-Q3", 5, 4, 1, 0.8, 0.418141, 0.991632, 20, 1.0),
                wait("2026-Q4", 1, 0, 1, 0.0, null, null, null, null)),
                List.of(step(20, 8, 3, 0, 0.375, 0.139299, 0.770674), step(30, 5, 0, 1, 0.375, 0.139299, 0.770674),
                        step(56, 4, 1, 1, 0.53125, 0.237140, 0.880076), step(75, 2, 1, 0, 0.765625, 0.384188, 0.986986),
                        step(183, 1, 0, 1, 0.765625, 0.384188, 0.986986)),
                List.of(new EvaluationData.CaseCount("P1", 10, 1, 1, 8, LocalDate.of(2026, 10, 31))),
                Map.of("kursbeginn", "UP"), 3);
        EvaluationData withWaits = new EvaluationData(data.program(), data.reportMonth(), data.projects(), data.indicators(), data.periods(),
                data.completeness(), data.trends(), data.tableVersions(), data.runId(), data.generatedAt(), null, waiting);

        WaitingSection section = new WaitingSection(withWaits);
        assertThat(section.cohortLines("P1")).extracting(l -> String.join(" ", l.values().stream().map(String::valueOf).toList()))
                .containsExactly(
                        "2. Quartal 2026 • • • • • • •",
                        "3. Quartal 2026 5 • • • • • •",
                        "4. Quartal 2026 • 0 • • • • •",
                        "gesamt 8 5 3 53,1 % 23,7 % – 88,0 % 80,0 % 56");
        assertThat(section.fields(withWaits.projects().get(1))).isEmpty(); // P2 has no cases

        Path pdf = EvaluationReport.renderPdf(withWaits, out);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Wartezeit bis Kursbeginn aus den Falldaten (Kaplan–Meier)")
                    .contains("Von 8 Fällen mit Zuzug bis 31.10.2026 haben 5 einen Kursbeginn; 3 warten noch")
                    .contains("Anteil mit Kursbeginn innerhalb von 56 Tagen nach Zuzug (Kaplan–Meier): 53,1 % (95-%-Intervall 23,7 % bis "
                            + "88,0 %); Median 56 Tage.")
                    .contains("Nur abgeschlossene Wartezeiten gezählt (naiver Anteil): 80,0 %. Der naive Anteil ist höher")
                    .contains("Ohne Zuzug (nicht gezählt): • Fälle.")
                    .contains("gesamt 8 5 3 53,1 % 23,7 % – 88,0 % 80,0 % 56")
                    .contains("aus den Falldaten berechnet 53,1 % – ↗ auf Kurs; geliefert für 2026-10: 87,5 % – ✔ erreicht. ⚑ Abweichung")
                    .contains("Methode: Wartezeiten aus Falldaten")
                    .contains("Der Zielstatus der Schätzung wird mit Zielwert und Basiswert des gelieferten Indikators UP bestimmt")
                    .contains("Der ausgewiesene Anteil ist der geschätzte Anteil mit Kursbeginn bis Tag 56 nach Zuzug (tte.limit-days)");
        }
        TestPdfCompliance.assertCompliant(pdf);

        Path xlsx = EvaluationWorkbook.write(withWaits, out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            List<Row> rows = workbook.getSheets().filter(s -> s.getName().equals("Wartezeiten")).findFirst().orElseThrow().read();
            assertThat(rows).hasSize(5);
            assertThat(rows.get(1).getCellText(3)).isEqualTo("gesamt");
            assertThat(rows.get(1).getCellAsNumber(8)).contains(new BigDecimal("0.53125"));
            assertThat(rows.get(3).getCellText(3)).isEqualTo("3. Quartal 2026");
            assertThat(rows.get(3).getCellText(5)).isEqualTo("•");
            assertThat(rows.get(3).getOptionalCell(8).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
        }
    }

    private static EvaluationData.Wait wait(String cohort, long cases, long events, long censored, double share, Double lower, Double upper,
                                            Integer median, Double naive) {
        return new EvaluationData.Wait("P1", "kursbeginn", cohort, cases, events, censored, share, lower, upper, median, naive, 56);
    }

    private static EvaluationData.WaitStep step(int day, long atRisk, long events, long censored, double share, Double lower, Double upper) {
        return new EvaluationData.WaitStep("P1", "kursbeginn", "gesamt", day, atRisk, events, censored, share, lower, upper);
    }

    private static EvaluationData.Period period(String project, String indicator, String period, Double value, Double target,
                                                Double baseline, Double attainment, String status) {
        return new EvaluationData.Period(project, indicator, period, LocalDate.parse(period + "-01"), value, baseline, target,
                attainment, status);
    }
}
