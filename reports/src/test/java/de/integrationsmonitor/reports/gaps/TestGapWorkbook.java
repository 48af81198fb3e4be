package de.integrationsmonitor.reports.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The XLSX read back: sheets, header, numbers as numbers (unrounded), empty where no value, autofilter. */
class TestGapWorkbook {
    @Test
    void writesEveryGapRowWithNumericCellsAHeaderAndAFilter(@TempDir Path out) throws IOException {
        Path file = GapWorkbook.write(GapFixture.data(), Plans.of(GapFixture.data()), out);
        assertThat(file.getFileName().toString()).isEqualTo("versorgungsluecken_2026-10.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactly(
                    "Versorgungslücken", "Stadtteile", "Angebote nach Kategorie", "Erreichbarkeit", "Info");
            assertThat(workbook.getSheet(3).orElseThrow().read()).as("no centres, no access rows").hasSize(1);
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).containsExactlyElementsOf(GapWorkbook.GAP_HEADER);
            Row marlArabic = rows.get(1);
            assertThat(List.of(marlArabic.getCellText(0), marlArabic.getCellText(1), marlArabic.getCellText(2),
                    marlArabic.getCellText(3), marlArabic.getCellText(4), marlArabic.getCellText(5), marlArabic.getCellText(11)))
                    .containsExactly("2026-10", "05562024", "Marl", "Sprache", "Arabisch", "ar", "ja");
            for (int column = 6; column <= 10; column++) {
                assertThat(marlArabic.getCell(column).getType()).as("column %d", column).isEqualTo(CellType.NUMBER);
            }
            assertThat(marlArabic.getCellAsNumber(6)).contains(new BigDecimal("800"));
            assertThat(marlArabic.getCellAsNumber(10)).contains(new BigDecimal("0.25"));
            assertThat(rows.stream().map(r -> r.getCellText(2) + " " + r.getCellText(5)).toList())
                    .containsExactly("Gemeinde Code", "Marl ar", "Marl tr", "Marl w", "Waltrop ar", "Waltrop de");
            // No coverage index where nothing is expected: an empty cell, not 0.
            assertThat(rows.get(5).getOptionalCell(10).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);

            List<Row> districts = workbook.getSheet(1).orElseThrow().read();
            assertThat(districts.get(1).getCellText(2)).isEqualTo("Hüls");
            assertThat(districts.get(1).getCellAsNumber(9)).contains(new BigDecimal("1.25"));
            // Two persons: a small count, shown as the mark (text), never as the number.
            assertThat(districts.get(2).getCellText(6)).isEqualTo("tr");
            assertThat(districts.get(2).getCell(7).getType()).isEqualTo(CellType.STRING);
            assertThat(districts.get(2).getCellText(7)).isEqualTo("•");
            List<Row> supply = workbook.getSheet(2).orElseThrow().read();
            assertThat(supply).hasSize(5);
            assertThat(supply.get(1).getCellText(3)).isEqualTo("Bildung / Sprachförderung");
            assertThat(supply.get(1).getCellAsNumber(9)).contains(new BigDecimal("0.625"));
        }
        try (ZipFile zip = new ZipFile(file.toFile()); InputStream sheet = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String xml = new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains("<autoFilter ref=\"A1:L6\"").contains("state=\"frozen\"");
        }
    }

    @Test
    void theAccessSheetHoldsEveryAccessRowWithItsNearestOffers(@TempDir Path out) throws IOException {
        Path file = GapWorkbook.write(GapFixture.withAccess(), Plans.of(GapFixture.withAccess()), out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            List<Row> rows = workbook.getSheet(3).orElseThrow().read();
            assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).containsExactlyElementsOf(GapWorkbook.ACCESS_HEADER);
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(2) + " " + r.getCellText(5) + " " + r.getCellText(9) + " "
                    + r.getCellText(10)).toList()).containsExactly(
                    "Marl ar nein Waltrop 9,5 km (3)", "Marl tr ja ", "Marl w nein ", "Waltrop ar nein Marl 9,5 km (1)",
                    "Waltrop de nein ");
            assertThat(rows.get(1).getCellAsNumber(6)).contains(new BigDecimal("30.0"));
            assertThat(rows.get(1).getCellAsNumber(8)).contains(new BigDecimal("1.2"));
            // no region value where the area has no demand: an empty cell, not 0
            assertThat(rows.get(5).getOptionalCell(7).map(c -> c.getType()).orElse(CellType.EMPTY)).isEqualTo(CellType.EMPTY);
        }
    }
}
