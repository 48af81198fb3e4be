package de.integrationsmonitor.reports.common.render;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The common shape of every XLSX export: written to a temporary file and moved in place, tables with
 * a bold header row, an autofilter and a frozen header, numbers as numeric cells with a German
 * display format, and small counts of persons as the text "•".
 */
public final class XlsxExport {
    private static final String DECIMAL_FORMAT = "#,##0.00";
    private static final String COUNT_FORMAT = "#,##0";

    private XlsxExport() {}

    /** Fills a workbook. */
    @FunctionalInterface
    public interface Content {
        void write(Workbook workbook) throws IOException;
    }

    /**
     * Writes {@code target} via a hidden temporary file beside it ({@link ReportFiles}), so a failed or killed
     * run never leaves half a workbook.
     */
    public static Path write(Path target, String title, Content content) {
        requireNonNull(target, "target is null");
        Path absolute = target.toAbsolutePath();
        Path temporary = ReportFiles.temporaryFor(absolute);
        try {
            Files.createDirectories(absolute.getParent());
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                Workbook workbook = new Workbook(out, "Integrationsmonitor", "1.0");
                workbook.properties().setTitle(title);
                content.write(workbook);
                workbook.finish();
            }
            ReportFiles.publish(temporary, absolute);
            return absolute;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new ReportRenderingException("Cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The bold, shaded header row. */
    public static void header(Worksheet sheet, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(0, c, names.get(c));
            sheet.style(0, c).bold().fillColor("E3EAF2").wrapText(true).set();
        }
    }

    /** Autofilter over the header and all rows below, frozen header, column widths (characters). */
    public static void finishTable(Worksheet sheet, int columns, double... widths) {
        sheet.setAutoFilter(0, 0, columns - 1);
        sheet.freezePane(0, 1);
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, widths[c]);
        }
    }

    /** A text cell, neutralised against formula injection ({@link SpreadsheetSafety}). */
    public static void text(Worksheet sheet, int r, int c, String value) {
        sheet.value(r, c, SpreadsheetSafety.neutralise(value));
    }

    /** A whole number; null leaves the cell empty ("no data", not 0). */
    public static void count(Worksheet sheet, int r, int c, Long value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format(COUNT_FORMAT).set();
        }
    }

    /** A count of persons: "•" where the run's {@link DisclosurePlan} hides it, else the number. */
    public static void persons(Worksheet sheet, int r, int c, Long value, boolean hidden) {
        if (value != null && hidden) {
            sheet.value(r, c, SmallCounts.MARK);
        } else {
            count(sheet, r, c, value);
        }
    }

    /** A date cell shown as "20.10.2026"; null leaves the cell empty. */
    public static void date(Worksheet sheet, int r, int c, java.time.LocalDate value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format("dd.mm.yyyy").set();
        }
    }

    /** A decimal number, unrounded (shown with two decimals); null leaves the cell empty. */
    public static void decimal(Worksheet sheet, int r, int c, Double value) {
        if (value != null) {
            sheet.value(r, c, value);
            sheet.style(r, c).format(DECIMAL_FORMAT).set();
        }
    }
}
