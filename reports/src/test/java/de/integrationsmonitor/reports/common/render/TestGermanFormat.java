package de.integrationsmonitor.reports.common.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TestGermanFormat {
    @Test
    void countsHaveThousandsDots() {
        assertThat(GermanFormat.count(0)).isEqualTo("0");
        assertThat(GermanFormat.count(999)).isEqualTo("999");
        assertThat(GermanFormat.count(1234)).isEqualTo("1.234");
        assertThat(GermanFormat.count(1234567)).isEqualTo("1.234.567");
        assertThat(GermanFormat.count(Long.valueOf(-5))).isEqualTo("-5");
    }

    @Test
    void missingCountIsKeineDatenNotZero() {
        assertThat(GermanFormat.count((Long) null)).isEqualTo("keine Daten");
        assertThat(GermanFormat.count(Long.valueOf(0))).isEqualTo("0");
    }

    @Test
    void changeIsSignedDifferenceAndPercentWithOneDecimal() {
        assertThat(GermanFormat.change(123L, 111L)).isEqualTo("+12 (+10,8 %)");
        assertThat(GermanFormat.change(90L, 100L)).isEqualTo("-10 (-10,0 %)");
        assertThat(GermanFormat.change(5L, 5L)).isEqualTo("0 (0,0 %)");
        assertThat(GermanFormat.change(2234L, 1000L)).isEqualTo("+1.234 (+123,4 %)");
        // 1/3 = 33,33… % rounds half up to 33,3 %; 2/3 to 66,7 %
        assertThat(GermanFormat.change(4L, 3L)).isEqualTo("+1 (+33,3 %)");
        assertThat(GermanFormat.change(5L, 3L)).isEqualTo("+2 (+66,7 %)");
    }

    @Test
    void changeWithoutBaseShowsOnlyDifference() {
        assertThat(GermanFormat.change(7L, 0L)).isEqualTo("+7");
        assertThat(GermanFormat.change(0L, 0L)).isEqualTo("0");
    }

    @Test
    void changeWithMissingValueIsKeineDaten() {
        assertThat(GermanFormat.change(null, 5L)).isEqualTo("keine Daten");
        assertThat(GermanFormat.change(5L, null)).isEqualTo("keine Daten");
    }

    @Test
    void monthsAreGerman() {
        assertThat(GermanFormat.monthYear(YearMonth.of(2026, 10))).isEqualTo("Oktober 2026");
        assertThat(GermanFormat.monthYear(YearMonth.of(2026, 3))).isEqualTo("März 2026");
        assertThat(GermanFormat.shortMonthYear(YearMonth.of(2026, 10))).isEqualTo("Okt. 2026");
        assertThat(GermanFormat.shortMonthYear(YearMonth.of(2026, 5))).isEqualTo("Mai 2026");
        assertThat(GermanFormat.numericMonth(YearMonth.of(2026, 10))).isEqualTo("10/2026");
        assertThat(GermanFormat.numericMonth(YearMonth.of(2026, 3))).isEqualTo("03/2026");
    }

    @Test
    void dateTimeIsBerlinLocalTime() {
        // November: CET = UTC+1
        assertThat(GermanFormat.dateTime(Instant.parse("2026-11-22T20:15:00Z"))).isEqualTo("22.11.2026 21:15");
        // July: CEST = UTC+2, and the day rolls over
        assertThat(GermanFormat.dateTime(Instant.parse("2026-07-01T22:30:00Z"))).isEqualTo("02.07.2026 00:30");
    }
}
