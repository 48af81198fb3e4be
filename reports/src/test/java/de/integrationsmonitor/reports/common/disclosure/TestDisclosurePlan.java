package de.integrationsmonitor.reports.common.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan.Cell;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small sets of published tables, checked by hand; k = 3 (counts 1 and 2 are protected). */
class TestDisclosurePlan {
    private static final SmallCounts RULE = new SmallCounts(3);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static Cell cell(String unit) {
        return new Cell("Teilnehmende", unit, OCTOBER);
    }

    /** A column of Gemeinden "g0", "g1", … with its "Summe" under the area's cell {@code total}. */
    private static void column(DisclosurePlan.Builder plan, String total, long... values) {
        List<Cell> parts = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            Cell part = cell(total + "/g" + i);
            plan.count(part, values[i]);
            parts.add(part);
            sum += values[i];
        }
        plan.count(cell(total), sum);
        plan.sum(cell(total), parts);
    }

    @Test
    void withoutASumOnlyOneAndTwoAreHiddenAndZeroStaysZero() {
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> {
            for (long value : new long[] {0, 1, 2, 3, 10}) {
                b.count(cell("u" + value), value);
            }
        });
        assertThat(List.of("u0", "u1", "u2", "u3", "u10")).map(u -> plan.hidden(cell(u))).containsExactly(false, true, true, false, false);
        assertThat(plan.secondaryCells()).isZero();
        assertThat(plan.shown(cell("u1"))).isEqualTo("•");
        assertThat(plan.shown(cell("u10"))).isEqualTo("10");
    }

    @Test
    void aSingleSmallCellBesideATotalTakesTheSmallestOtherCellWithIt() {
        // Participants per Gemeinde 12, 2, 30 with "Summe" 44: without a second mark, 2 = 44 - 12 - 30.
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> column(b, "A", 12, 2, 30));
        assertThat(List.of("A/g0", "A/g1", "A/g2", "A")).map(u -> plan.hidden(cell(u))).containsExactly(true, true, false, false);
        assertThat(plan.hiddenCells()).isEqualTo(2);
        assertThat(plan.secondaryCells()).isEqualTo(1);
    }

    @Test
    void secondarySuppressionRunsUntilNoRowOrColumnGivesACellAway() {
        // Rows a = (5, 1 | 6), b = (4, 7 | 11); columns x = (5, 4 | 9), y = (1, 7 | 8); grand total 17.
        // Primary: a.y = 1. Row a: add 5 (smaller than the total 6). Column x: add 4. Column y: add 7 (< 8).
        // Row b now has 4 and 7 marked; totals stay visible; every line has 0 or 2 marks.
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> {
            long[][] values = {{5, 1}, {4, 7}};
            String[] rows = {"a", "b"};
            String[] columns = {"x", "y"};
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 2; c++) {
                    b.count(cell(rows[r] + "." + columns[c]), values[r][c]);
                }
            }
            b.count(cell("a"), 6).count(cell("b"), 11).count(cell("x"), 9).count(cell("y"), 8).count(cell("all"), 17);
            b.sum(cell("a"), List.of(cell("a.x"), cell("a.y")));
            b.sum(cell("b"), List.of(cell("b.x"), cell("b.y")));
            b.sum(cell("x"), List.of(cell("a.x"), cell("b.x")));
            b.sum(cell("y"), List.of(cell("a.y"), cell("b.y")));
            b.sum(cell("all"), List.of(cell("a"), cell("b")));
            b.sum(cell("all"), List.of(cell("x"), cell("y")));
        });
        assertThat(List.of("a.x", "a.y", "b.x", "b.y")).allMatch(u -> plan.hidden(cell(u)));
        assertThat(List.of("a", "b", "x", "y", "all")).noneMatch(u -> plan.hidden(cell(u)));
        assertThat(plan.secondaryCells()).isEqualTo(3);
    }

    @Test
    void aCellSharedByTwoReportsIsProtectedInBoth() {
        // Report 1 shows Gemeinden 40, 2, 9 of area A with "Summe" 51; report 2 (another recipient's) shows the 9 again
        // as the sum of two Stadtteile 5 + 4. The 2 takes the 9 with it (smallest other entry of A's column), and the
        // hidden 9 then takes the 4 with it in report 2: else 9 = 5 + 4 would give the 9, and 2 = 51 - 40 - 9, away.
        // Left: g1 + g2 = 11 and g2 = 5 + s1, which do not determine any of the three.
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> {
            column(b, "A", 40, 2, 9);
            b.count(cell("A/g2/s0"), 5).count(cell("A/g2/s1"), 4);
            b.sum(cell("A/g2"), List.of(cell("A/g2/s0"), cell("A/g2/s1")));
        });
        assertThat(plan.hidden(cell("A/g1"))).isTrue();
        assertThat(plan.hidden(cell("A/g2"))).isTrue();
        assertThat(plan.hidden(cell("A/g2/s1"))).isTrue();
        assertThat(plan.hidden(cell("A/g2/s0"))).isFalse();
        assertThat(plan.hidden(cell("A"))).isFalse();
        assertThat(plan.hidden(cell("A/g0"))).isFalse();
    }

    @Test
    void aTotalIsHiddenWhenItEqualsASmallCell() {
        // Gemeinden 0, 2, 0 with "Summe" 2: the Summe is itself a small count.
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> column(b, "A", 0, 2, 0));
        assertThat(List.of("A/g0", "A/g1", "A/g2", "A")).map(u -> plan.hidden(cell(u))).containsExactly(false, true, false, true);
        assertThat(plan.secondaryCells()).isZero();
    }

    @Test
    void twoReportsThatDisagreeOnACellAreAnErrorNotAChoice() {
        DisclosurePlan.Builder plan = new DisclosurePlan.Builder().count(cell("A"), 44);
        assertThatThrownBy(() -> plan.count(cell("A"), 45)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("published as 44 and as 45");
    }

    @Test
    void aSumThatDoesNotHoldIsRefused() {
        DisclosurePlan.Builder plan = new DisclosurePlan.Builder().count(cell("A"), 44).count(cell("A/g0"), 40);
        assertThatThrownBy(() -> plan.sum(cell("A"), List.of(cell("A/g0")))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountThatWasNeverRegisteredCannotBeShown() {
        DisclosurePlan plan = DisclosurePlan.of(RULE, b -> b.count(cell("A"), 44));
        assertThatThrownBy(() -> plan.hidden(cell("B"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("not registered");
    }
}
