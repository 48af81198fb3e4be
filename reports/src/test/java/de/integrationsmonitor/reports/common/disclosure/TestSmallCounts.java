package de.integrationsmonitor.reports.common.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The primary rule, k = 3 (counts 1 and 2 are protected). */
class TestSmallCounts {
    private final SmallCounts smallCounts = new SmallCounts(3);

    @Test
    void onlyOneAndTwoAreSmallZeroStaysZero() {
        assertThat(smallCounts.isSmall(0)).isFalse();
        assertThat(smallCounts.isSmall(1)).isTrue();
        assertThat(smallCounts.isSmall(2)).isTrue();
        assertThat(smallCounts.isSmall(3)).isFalse();
    }

    @Test
    void kBelowOneIsRefused() {
        assertThatThrownBy(() -> new SmallCounts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legendNamesTheThreshold() {
        assertThat(smallCounts.legend()).startsWith("„•“: weniger als 3 Personen;");
    }
}
