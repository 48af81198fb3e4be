package de.integrationsmonitor.reports.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestMonthlyReportQueries {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static MonthlyReportQueries.Kpi kpi(long active, Long added, long events, long participants) {
        return new MonthlyReportQueries.Kpi(active, added, 0L, events, participants, participants / 2, participants / 4, 0, 0);
    }

    @Test
    void keyFiguresCompareWithPreviousMonthAndShowMissingYearAsNull() {
        Map<YearMonth, MonthlyReportQueries.Kpi> area = Map.of(
                OCTOBER, kpi(465, 46L, 394, 3845),
                OCTOBER.minusMonths(1), kpi(424, 0L, 444, 4231));

        List<KeyFigure> figures = MonthlyReportQueries.keyFigures(area, OCTOBER);

        assertThat(figures.get(0)).isEqualTo(new KeyFigure("Aktive Angebote", 465L, 424L, null, false));
        assertThat(figures.get(4)).isEqualTo(new KeyFigure("Teilnehmende", 3845L, 4231L, null, true));
        assertThat(figures).extracting(KeyFigure::label).containsExactly("Aktive Angebote", "Neue Angebote",
                "Beendete Angebote", "Veranstaltungen", "Teilnehmende", "davon weiblich", "davon neuzugewandert",
                "Workshops", "Teilnehmende an Workshops");
    }

    @Test
    void trendHoldsOnlyCoveredMonthsOfTheLastTwelve() {
        Map<YearMonth, MonthlyReportQueries.Kpi> area = Map.of(
                OCTOBER, kpi(3, 1L, 2, 20),
                OCTOBER.minusMonths(2), kpi(2, 0L, 1, 10),
                OCTOBER.minusMonths(12), kpi(1, null, 1, 5));

        assertThat(MonthlyReportQueries.trend(area, OCTOBER)).containsExactly(
                new MonthPoint(YearMonth.of(2026, 8), 10, 2),
                new MonthPoint(OCTOBER, 20, 3));
    }

    @Test
    void kreisOwnRecordsGetTheirOwnRowSoTheTableAddsUpToTheKeyFigures() {
        Map<String, Map<YearMonth, MonthlyReportQueries.Kpi>> kpis = Map.of(
                "05562028", Map.of(OCTOBER, kpi(1, 0L, 1, 8)),
                "05562004", Map.of(OCTOBER, kpi(2, 1L, 1, 12)),
                "05562", Map.of(OCTOBER, kpi(3, 1L, 3, 40)));
        Map<String, String> names = Map.of("05562004", "Castrop-Rauxel", "05562028", "Oer-Erkenschwick", "05562", "Kreis Recklinghausen");

        List<MunicipalityRow> rows = MonthlyReportQueries.municipalities(kpis, names, List.of("05562028", "05562004"), "05562", OCTOBER);

        assertThat(rows).extracting(MunicipalityRow::name)
                .containsExactly("Castrop-Rauxel", "Oer-Erkenschwick", MonthlyReportQueries.AREA_WIDE_LABEL);
        MunicipalityRow own = rows.get(2);
        assertThat(own.activeOffers()).isZero();
        assertThat(own.newOffers()).isZero();
        assertThat(own.events()).isEqualTo(1);
        assertThat(own.participants()).isEqualTo(20);
    }

    @Test
    void noAreaWideRowWhenTheKreisHasNothingOfItsOwn() {
        Map<String, Map<YearMonth, MonthlyReportQueries.Kpi>> kpis = Map.of(
                "05562004", Map.of(OCTOBER, kpi(2, 1L, 1, 12)),
                "05562", Map.of(OCTOBER, kpi(2, 1L, 1, 12)));

        List<MunicipalityRow> rows = MonthlyReportQueries.municipalities(kpis, Map.of("05562004", "Castrop-Rauxel"),
                List.of("05562004"), "05562", OCTOBER);

        assertThat(rows).extracting(MunicipalityRow::name).containsExactly("Castrop-Rauxel");
    }

    @Test
    void anExampleNamesAUnitOnlyAsAWholeWord() {
        java.util.Set<String> foreign = java.util.Set.of("Hamm", "05915");

        assertThat(MonthlyReportQueries.namesAny("Hamm: 40 Teilnehmende, sonst im Mittel 12", foreign)).isTrue();
        assertThat(MonthlyReportQueries.namesAny("2026-10, 05915", foreign)).isTrue();
        assertThat(MonthlyReportQueries.namesAny("Hamminkeln: 40 Teilnehmende", foreign)).isFalse();
        assertThat(MonthlyReportQueries.namesAny("05915004", foreign)).isFalse();
    }
}
