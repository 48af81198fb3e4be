package de.integrationsmonitor.pipelines.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Java form of the status rule gives what gold.indicator_attainment gives (the cases of TestIndicatorAttainment). */
class TestAttainmentStatus {
    @Test
    void statusFromValueBaselineAndTarget() {
        assertThat(AttainmentStatus.of(0.25, 0.25, 0.75, false)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(AttainmentStatus.of(0.5, 0.25, 0.75, false)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(AttainmentStatus.of(0.875, 0.25, 0.75, false)).isEqualTo(AttainmentStatus.REACHED);
        assertThat(AttainmentStatus.of(0.7, 0.5, 0.9, false)).isEqualTo(AttainmentStatus.ON_TRACK); // exactly half-way in decimals
        assertThat(AttainmentStatus.of(28.0, 42.0, 14.0, true)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(AttainmentStatus.of(49.0, 42.0, 14.0, true)).isEqualTo(AttainmentStatus.MISSED);
        assertThat(AttainmentStatus.of(12.0, 10.0, 10.0, false)).isEqualTo(AttainmentStatus.REACHED);
        assertThat(AttainmentStatus.of(9.0, 10.0, 10.0, false)).isEqualTo(AttainmentStatus.MISSED);
        assertThat(AttainmentStatus.of(5.0, null, null, false)).isEqualTo(AttainmentStatus.NO_TARGET);
        assertThat(AttainmentStatus.of(null, 0.45, 0.8, false)).isEqualTo(AttainmentStatus.NO_DATA);
    }
}
