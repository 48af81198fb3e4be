package de.integrationsmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMartComparison {

    @Test
    void equalMartsAreEqualWhateverTheRowOrder() {
        MartComparison.Outcome outcome = MartComparison.compare(gaps(gap("05562004", "tr", 2.0, false), gap("05562004", "ar", 1.5, true)),
                gaps(gap("05562004", "ar", 1.5, true), gap("05562004", "tr", 2.0, false)));
        assertThat(outcome.isEqual()).isTrue();
        assertThat(outcome.describe()).containsExactly("gold.coverage_gaps: 2 Zeilen bei uns, 2 bei DuckDB – gleich");
    }

    @Test
    void doublesMayDifferInTheLastBitsOnly() {
        double expected = 1.0 / 3;
        assertThat(MartComparison.compare(gaps(gap("05562004", "ar", expected, true)),
                gaps(gap("05562004", "ar", expected * (1 + 1e-12), true))).isEqual()).isTrue();
        assertThat(MartComparison.compare(gaps(gap("05562004", "ar", expected, true)),
                gaps(gap("05562004", "ar", expected * (1 + 1e-7), true))).differentValues())
                .isEqualTo(3); // expected offers, coverage index, shortfall
    }

    @Test
    void countsMustBeExactAndNullIsNotZero() {
        MartRows ours = kpi(List.of("2026-10", "05562", 465L, 46L, 5L, 394L, 3_845L, 2_138L, 986L, 0L, 0L));
        MartRows other = kpi(Arrays.asList("2026-10", "05562", 465L, null, 5L, 395L, 3_845L, 2_138L, 986L, 0L, 0L));
        MartComparison.Outcome outcome = MartComparison.compare(ours, other);
        assertThat(outcome.differentValues()).isEqualTo(2);
        assertThat(outcome.describe()).containsExactly(
                "gold.kpi_monthly: 1 Zeilen bei uns, 1 bei DuckDB – 2 Abweichungen (0 nur bei uns, 0 nur bei DuckDB, "
                        + "0 doppelte Schlüssel, 2 Werte verschieden); die ersten:",
                "  verschieden:    month=2026-10, org_unit_id=05562: offers_new bei uns 46, bei DuckDB null",
                "  verschieden:    month=2026-10, org_unit_id=05562: events bei uns 394, bei DuckDB 395");
    }

    @Test
    void namesMissingAndDuplicateKeys() {
        MartComparison.Outcome outcome = MartComparison.compare(gaps(gap("05562004", "ar", 1.0, true), gap("05562008", "ar", 1.0, true)),
                gaps(gap("05562008", "ar", 1.0, true), gap("05562008", "ar", 1.0, true), gap("05562012", "tr", 1.0, true)));
        assertThat(outcome.onlyOurs()).isEqualTo(1);
        assertThat(outcome.onlyBaseline()).isEqualTo(1);
        assertThat(outcome.duplicateKeys()).isEqualTo(1);
        assertThat(outcome.first()).extracting(MartComparison.Difference::kind).containsExactly(MartComparison.Kind.ONLY_OURS,
                MartComparison.Kind.DUPLICATE_KEY, MartComparison.Kind.ONLY_BASELINE);
    }

    @Test
    void keepsOnlyTheFirstDifferences() {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(gap(String.format("055620%02d", i), "ar", 1.0, true));
        }
        MartComparison.Outcome outcome = MartComparison.compare(new MartRows(Mart.COVERAGE_GAPS, many), gaps());
        assertThat(outcome.onlyOurs()).isEqualTo(25);
        assertThat(outcome.first()).hasSize(MartComparison.DEFAULT_LIMIT);
        assertThat(outcome.first().get(0).key()).containsExactly("2026-10", "05562000", "language", "ar");
    }

    private static List<Object> gap(String gemeinde, String language, double expected, boolean isGap) {
        return Arrays.asList("2026-10", gemeinde, "language", language, 300L, 1L, expected, 1 / expected, expected - 1, isGap);
    }

    @SafeVarargs
    private static MartRows gaps(List<Object>... rows) {
        return new MartRows(Mart.COVERAGE_GAPS, List.of(rows));
    }

    private static MartRows kpi(List<Object> row) {
        return new MartRows(Mart.KPI_MONTHLY, List.of(row));
    }
}
