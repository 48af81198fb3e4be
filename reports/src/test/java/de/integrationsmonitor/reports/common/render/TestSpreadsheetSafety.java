package de.integrationsmonitor.reports.common.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formula injection: text that a spreadsheet would run is neutralised in XLSX (CSV: TestTextTable); numbers stay numbers. */
class TestSpreadsheetSafety {
    @Test
    void textStartingWithAFormulaCharacterGetsAnApostrophe() {
        assertThat(SpreadsheetSafety.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetSafety.neutralise("+49 2361 123")).isEqualTo("'+49 2361 123");
        assertThat(SpreadsheetSafety.neutralise("@SUMME(A1)")).isEqualTo("'@SUMME(A1)");
        assertThat(SpreadsheetSafety.neutralise("-Kurs")).isEqualTo("'-Kurs");
        assertThat(SpreadsheetSafety.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetSafety.neutralise("\rcmd")).isEqualTo("'\rcmd");
        assertThat(SpreadsheetSafety.neutralise("-5")).isEqualTo("-5");
        assertThat(SpreadsheetSafety.neutralise("-0.25")).isEqualTo("-0.25");
        assertThat(SpreadsheetSafety.neutralise("– keine Daten")).isEqualTo("– keine Daten");
        assertThat(SpreadsheetSafety.neutralise("Oer-Erkenschwick")).isEqualTo("Oer-Erkenschwick");
    }

    @Test
    void xlsxTextCellsAreNeutralised(@TempDir Path out) throws IOException {
        Path file = XlsxExport.write(out.resolve("t.xlsx"), "Test", workbook -> {
            var sheet = workbook.newWorksheet("A");
            XlsxExport.text(sheet, 0, 0, "=1+1");
            XlsxExport.count(sheet, 0, 1, -3L);
        });
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            var row = workbook.getFirstSheet().read().get(0);
            assertThat(row.getCellText(0)).isEqualTo("'=1+1");
            assertThat(row.getCellAsNumber(1)).hasValueSatisfying(n -> assertThat(n.intValue()).isEqualTo(-3));
        }
    }
}
