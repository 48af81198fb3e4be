package de.integrationsmonitor.reports.common.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-count protection (statistical disclosure control) for counts of persons that leave the
 * warehouse in a report or export. A count from 1 to k−1 is shown as {@value #MARK} (primary
 * suppression); 0 stays 0. Where totals are shown, a line (a row or column together with its total)
 * with exactly one suppressed entry would give that entry away by subtraction, so a second entry
 * of the line is suppressed too (secondary suppression): the smallest positive entry, an inner cell
 * before the total. This repeats until no line has exactly one suppressed entry.
 *
 * <p>The Delta tables keep the true values; only what is shown is protected.
 */
public final class SmallCounts {
    /** The mark shown instead of a protected count. */
    public static final String MARK = "•";
    /** Legend sentence for reports. */
    public static final String LEGEND_FORMAT = "„•“: weniger als %d Personen; zum Schutz kleiner Fallzahlen nicht ausgewiesen, "
            + "ebenso ein zweiter Wert, wo er sich sonst aus der Summe errechnen ließe.";

    private final int k;

    /** @param k the smallest count shown as it is (conf: disclosure.min-count, default 3) */
    public SmallCounts(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** True for a count of persons that must not be shown: 1 to k−1. */
    public boolean isSmall(long count) {
        return count >= 1 && count < k;
    }

    /** The legend for a report that shows {@value #MARK}. */
    public String legend() {
        return String.format(LEGEND_FORMAT, k);
    }

    /**
     * A table of person counts with the totals it shows. {@code rowTotals} (one per row) and
     * {@code columnTotals} (one per column) may be null where the table shows none; {@code grandTotal}
     * only matters where both are shown.
     */
    public record Table(long[][] cells, long[] rowTotals, long[] columnTotals, Long grandTotal) {
        /** A single column with its total, e.g. participants per Gemeinde and "Summe". */
        public static Table column(long[] values, Long total) {
            long[][] cells = new long[values.length][];
            for (int i = 0; i < values.length; i++) {
                cells[i] = new long[] {values[i]};
            }
            return new Table(cells, null, total == null ? null : new long[] {total}, null);
        }
    }

    /** Which entries of a {@link Table} are shown as {@value #MARK}; arrays are null where the table has none. */
    public record Suppressed(boolean[][] cells, boolean[] rowTotals, boolean[] columnTotals, boolean grandTotal) {
        public boolean cell(int row, int column) {
            return cells[row][column];
        }

        public boolean columnTotal(int column) {
            return columnTotals != null && columnTotals[column];
        }

        public boolean rowTotal(int row) {
            return rowTotals != null && rowTotals[row];
        }

        /** How many entries are suppressed, cells and totals together. */
        public int count() {
            int n = grandTotal ? 1 : 0;
            for (boolean[] row : cells) {
                for (boolean b : row) {
                    n += b ? 1 : 0;
                }
            }
            for (boolean[] totals : new boolean[][] {rowTotals, columnTotals}) {
                if (totals != null) {
                    for (boolean b : totals) {
                        n += b ? 1 : 0;
                    }
                }
            }
            return n;
        }
    }

    /** Primary and secondary suppression for {@code table}. */
    public Suppressed protect(Table table) {
        Entries entries = new Entries(table);
        for (int i = 0; i < entries.values.size(); i++) {
            entries.suppressed[i] = isSmall(entries.values.get(i));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : entries.lines) {
                int suppressedInLine = 0;
                for (int id : line) {
                    suppressedInLine += entries.suppressed[id] ? 1 : 0;
                }
                if (suppressedInLine == 1) {
                    int partner = partner(entries, line);
                    if (partner >= 0) {
                        entries.suppressed[partner] = true;
                        changed = true;
                    }
                }
            }
        }
        return entries.result();
    }

    /** The smallest positive unsuppressed entry of the line; inner cells (listed first) win ties over the total. */
    private static int partner(Entries entries, int[] line) {
        int best = -1;
        for (int id : line) {
            long value = entries.values.get(id);
            if (!entries.suppressed[id] && value > 0 && (best < 0 || value < entries.values.get(best))) {
                best = id;
            }
        }
        return best;
    }

    /** All shown entries of a table as one list, and the lines (members then total) that sum up. */
    private static final class Entries {
        final List<Long> values = new ArrayList<>();
        final List<int[]> lines = new ArrayList<>();
        final boolean[] suppressed;
        private final int[][] cellIds;
        private final int[] rowTotalIds;
        private final int[] columnTotalIds;
        private final int grandId;

        Entries(Table table) {
            int rows = table.cells().length;
            int columns = rows == 0 ? 0 : table.cells()[0].length;
            cellIds = new int[rows][columns];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    cellIds[r][c] = add(table.cells()[r][c]);
                }
            }
            rowTotalIds = table.rowTotals() == null ? null : Arrays.stream(table.rowTotals()).mapToInt(this::add).toArray();
            columnTotalIds = table.columnTotals() == null ? null : Arrays.stream(table.columnTotals()).mapToInt(this::add).toArray();
            boolean grand = rowTotalIds != null && columnTotalIds != null && table.grandTotal() != null;
            grandId = grand ? add(table.grandTotal()) : -1;
            if (rowTotalIds != null) {
                for (int r = 0; r < rows; r++) {
                    int[] line = new int[columns + 1];
                    System.arraycopy(cellIds[r], 0, line, 0, columns);
                    line[columns] = rowTotalIds[r];
                    lines.add(line);
                }
            }
            if (columnTotalIds != null) {
                for (int c = 0; c < columns; c++) {
                    int[] line = new int[rows + 1];
                    for (int r = 0; r < rows; r++) {
                        line[r] = cellIds[r][c];
                    }
                    line[rows] = columnTotalIds[c];
                    lines.add(line);
                }
            }
            if (grand) {
                int[] totalsRow = Arrays.copyOf(columnTotalIds, columns + 1);
                totalsRow[columns] = grandId;
                lines.add(totalsRow);
                int[] totalsColumn = Arrays.copyOf(rowTotalIds, rows + 1);
                totalsColumn[rows] = grandId;
                lines.add(totalsColumn);
            }
            suppressed = new boolean[values.size()];
        }

        private int add(long value) {
            values.add(value);
            return values.size() - 1;
        }

        Suppressed result() {
            boolean[][] cells = new boolean[cellIds.length][];
            for (int r = 0; r < cellIds.length; r++) {
                cells[r] = new boolean[cellIds[r].length];
                for (int c = 0; c < cellIds[r].length; c++) {
                    cells[r][c] = suppressed[cellIds[r][c]];
                }
            }
            return new Suppressed(cells, flags(rowTotalIds), flags(columnTotalIds), grandId >= 0 && suppressed[grandId]);
        }

        private boolean[] flags(int[] ids) {
            if (ids == null) {
                return null;
            }
            boolean[] flags = new boolean[ids.length];
            for (int i = 0; i < ids.length; i++) {
                flags[i] = suppressed[ids[i]];
            }
            return flags;
        }
    }
}
