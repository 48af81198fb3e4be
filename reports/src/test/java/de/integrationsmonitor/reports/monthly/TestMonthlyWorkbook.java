package de.integrationsmonitor.reports.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Monatsbericht's tables read back: numbers as numbers, the PDF's small-count marks as text. */
class TestMonthlyWorkbook {
    @Test
    void writesEveryTableWithTheSameProtectionAsThePdf(@TempDir Path out) throws IOException {
        MonthlyReportData data = new MonthlyReportData(YearMonth.of(2026, 10), "Kreis Recklinghausen", Instant.parse("2026-11-02T08:15:00Z"),
                "run-1", List.of(new KeyFigure(KeyFigure.PARTICIPANTS, 92L, 80L, null, true),
                        new KeyFigure(KeyFigure.NEWCOMERS, 2L, 9L, null, true),
                        new KeyFigure("Aktive Angebote", 2L, 1L, null, false)),
                List.of(new MonthPoint(YearMonth.of(2026, 9), 80, 1), new MonthPoint(YearMonth.of(2026, 10), 92, 2)),
                // newcomers 2 and 40 (Summe 42): the 2 is small, so the 40 is marked too
                List.of(new MunicipalityRow("Marl", 1, 0L, 0L, 2, 30, 12, 2, 0),
                        new MunicipalityRow("Dorsten", 1, 1L, null, 1, 62, 30, 40, 1)),
                null, List.of(), List.of(new CategoryRow("Sport", 3, 2)),
                List.of(new TopGap("Marl", "Sprache", "Türkisch", 3812, 7, 15.4, 8.4, 0.4545, TestMonthlyReport.GAP_CELL)), List.of(), null);
        Path file = MonthlyWorkbook.write(data, Plans.of(data), out);
        assertThat(file.getFileName().toString()).isEqualTo("monatsbericht_2026-10.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            assertThat(workbook.getSheets().map(Sheet::getName))
                    .containsExactly("Kennzahlen", "Gemeinden", "Kategorien", "Trend", "Versorgungslücken");
            List<Row> figures = workbook.getSheet(0).orElseThrow().read();
            assertThat(figures.get(1).getCellAsNumber(1)).contains(new BigDecimal("92"));
            assertThat(figures.get(1).getOptionalCell(3).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
            assertThat(figures.get(2).getCellText(1)).isEqualTo("•");
            assertThat(figures.get(2).getCellAsNumber(2)).contains(new BigDecimal("9"));
            assertThat(figures.get(3).getCellAsNumber(1)).contains(new BigDecimal("2"));   // offers are not persons
            List<Row> gemeinden = workbook.getSheet(1).orElseThrow().read();
            assertThat(gemeinden.stream().map(r -> r.getCellText(0) + " " + r.getCellText(7)).toList())
                    .containsExactly("Gemeinde davon neuzugewandert", "Marl •", "Dorsten •", "Summe 42");
            assertThat(gemeinden.get(3).getCellAsNumber(5)).contains(new BigDecimal("92"));
            assertThat(gemeinden.get(3).getOptionalCell(3).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
            assertThat(workbook.getSheet(2).orElseThrow().read().get(1).getCellText(2)).isEqualTo("•");
            assertThat(workbook.getSheet(4).orElseThrow().read().get(1).getCellAsNumber(8)).contains(new BigDecimal("0.4545"));
        }
    }
}
