package de.integrationsmonitor.reports.common.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Small tables checked by hand, k = 3 (counts 1 and 2 are protected). */
class TestSmallCounts {
    private final SmallCounts smallCounts = new SmallCounts(3);

    @Test
    void onlyOneAndTwoAreSmallZeroStaysZero() {
        SmallCounts.Suppressed suppressed = smallCounts.protect(SmallCounts.Table.column(new long[] {0, 1, 2, 3, 10}, null));
        assertThat(suppressed.cells()).isDeepEqualTo(new boolean[][] {{false}, {true}, {true}, {false}, {false}});
        assertThat(suppressed.count()).isEqualTo(2);
    }

    @Test
    void aSingleSmallCellBesideATotalTakesTheSmallestOtherCellWithIt() {
        // Participants per Gemeinde 12, 2, 30 with "Summe" 44: without a second mark, 2 = 44 - 12 - 30.
        SmallCounts.Suppressed suppressed = smallCounts.protect(SmallCounts.Table.column(new long[] {12, 2, 30}, 44L));
        assertThat(suppressed.cells()).isDeepEqualTo(new boolean[][] {{true}, {true}, {false}});
        assertThat(suppressed.columnTotal(0)).isFalse();
    }

    @Test
    void withoutATotalThereIsNothingToComputeBack() {
        SmallCounts.Suppressed suppressed = smallCounts.protect(SmallCounts.Table.column(new long[] {12, 2, 30}, null));
        assertThat(suppressed.count()).isEqualTo(1);
    }

    @Test
    void secondarySuppressionRunsUntilNoRowOrColumnGivesACellAway() {
        // Rows A = (5, 1 | 6), B = (4, 7 | 11); column totals (9, 8 | 17).
        // Primary: A2 = 1. Row A: add 5 (smaller than the total 6). Column 1: add 4. Column 2: add 7 (< 8).
        // Row B now has 4 and 7 marked; totals stay visible; every line has 0 or 2 marks.
        SmallCounts.Suppressed suppressed = smallCounts.protect(new SmallCounts.Table(
                new long[][] {{5, 1}, {4, 7}}, new long[] {6, 11}, new long[] {9, 8}, 17L));
        assertThat(suppressed.cells()).isDeepEqualTo(new boolean[][] {{true, true}, {true, true}});
        assertThat(suppressed.rowTotals()).containsExactly(false, false);
        assertThat(suppressed.columnTotals()).containsExactly(false, false);
        assertThat(suppressed.grandTotal()).isFalse();
    }

    @Test
    void aTotalIsSuppressedWhenItEqualsASmallCell() {
        // Rows (0, 2, 0 | 2) and (5, 6, 7 | 18); column totals (5, 8, 7 | 20).
        // Primary: the 2 and its row total 2. Column 2 = (2, 6 | 8) has one mark: add 6 (< 8).
        // Totals column (2, 18 | 20) has one mark: add 18 (< 20). Now every line has 0 or 2 marks, and
        // 2 + x = 8, 5 + x + 7 = y, 2 + y = 20 leave the 2 undetermined.
        SmallCounts.Suppressed suppressed = smallCounts.protect(new SmallCounts.Table(
                new long[][] {{0, 2, 0}, {5, 6, 7}}, new long[] {2, 18}, new long[] {5, 8, 7}, 20L));
        assertThat(suppressed.cells()).isDeepEqualTo(new boolean[][] {{false, true, false}, {false, true, false}});
        assertThat(suppressed.rowTotals()).containsExactly(true, true);
        assertThat(suppressed.columnTotals()).containsExactly(false, false, false);
        assertThat(suppressed.grandTotal()).isFalse();
    }

    @Test
    void legendNamesTheThreshold() {
        assertThat(smallCounts.legend()).startsWith("„•“: weniger als 3 Personen;");
    }
}
