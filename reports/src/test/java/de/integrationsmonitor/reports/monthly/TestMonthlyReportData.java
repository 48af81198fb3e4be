package de.integrationsmonitor.reports.monthly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.reports.common.disclosure.Plans;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMonthlyReportData {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant NOW = Instant.parse("2026-11-22T20:15:00Z");

    @Test
    void copiesListsSoLaterChangesDoNotLeakIn() {
        List<KeyFigure> figures = new ArrayList<>(List.of(new KeyFigure("Teilnehmende", 1L, null, null, true)));
        MonthlyReportData data = new MonthlyReportData(OCTOBER, "Kreis Recklinghausen", NOW, "run-1",
                figures, List.of(), List.of());
        figures.clear();
        assertThat(data.keyFigures()).hasSize(1);
    }

    @Test
    void trendMustLieInTheTwelveMonthsEndingAtTheReportMonth() {
        List<MonthPoint> tooOld = List.of(new MonthPoint(OCTOBER.minusMonths(12), 1, 1));
        assertThatThrownBy(() -> data(tooOld))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-10 is outside 2025-11..2026-10");

        List<MonthPoint> future = List.of(new MonthPoint(OCTOBER.plusMonths(1), 1, 1));
        assertThatThrownBy(() -> data(future)).hasMessageContaining("2026-11 is outside");

        List<MonthPoint> twice = List.of(new MonthPoint(OCTOBER, 1, 1), new MonthPoint(OCTOBER, 2, 2));
        assertThatThrownBy(() -> data(twice)).hasMessageContaining("2026-10 appears twice");

        assertThat(data(List.of(new MonthPoint(OCTOBER.minusMonths(11), 1, 1))).trend()).hasSize(1);
    }

    @Test
    void rejectsMissingOrNegativeValuesWithTheirName() {
        assertThatThrownBy(() -> new MonthlyReportData(OCTOBER, " ", NOW, "run-1", List.of(), List.of(), List.of()))
                .hasMessage("areaName is blank");
        assertThatThrownBy(() -> new MonthlyReportData(OCTOBER, "Kreis Recklinghausen", NOW, null,
                List.of(), List.of(), List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("runId is null");
        assertThatThrownBy(() -> new MunicipalityRow("Marl", 1, -2L, null, 0, 0, 0, 0, 0))
                .hasMessage("newOffers of Marl is negative: -2");
    }

    @Test
    void summeRowIsKeineDatenWhenOneGemeindeHasNoData() {
        List<MunicipalityLine> lines = lines(List.of(
                new MunicipalityRow("Marl", 10, 2L, null, 1, 1500, 700, 100, 1),
                new MunicipalityRow("Dorsten", 5, 1L, 3L, 2, 20, 10, 5, 0)));
        MunicipalityLine total = lines.get(2);
        assertThat(total.getName()).isEqualTo("Summe");
        assertThat(total.getActiveOffers()).isEqualTo("15");
        assertThat(total.getNewOffers()).isEqualTo("3");
        assertThat(total.getEndedOffers()).isEqualTo("keine Daten");
        assertThat(total.getParticipants()).isEqualTo("1.520");
    }

    @Test
    void smallCountsOfPersonsAreMarkedAndCannotBeComputedBackFromTheSumme() {
        // Newcomers 2 (Marl), 40 (Dorsten), 9 (kreisweit), Summe 51: 2 is small; without a second mark
        // 2 = 51 - 40 - 9, so the smallest other count (9) is marked too. Offers and events are not persons.
        List<MunicipalityLine> lines = lines(List.of(
                new MunicipalityRow("Marl", 1, 0L, 0L, 2, 30, 12, 2, 0),
                new MunicipalityRow("Dorsten", 2, 0L, 0L, 1, 60, 30, 40, 0),
                new MunicipalityRow("kreisweit", 0, 0L, 0L, 1, 20, 10, 9, 0)));
        assertThat(lines).extracting(MunicipalityLine::getParticipantsNewcomers).containsExactly("•", "40", "•", "51");
        assertThat(lines).extracting(MunicipalityLine::getParticipants).containsExactly("30", "60", "20", "110");
        assertThat(lines).extracting(MunicipalityLine::getActiveOffers).containsExactly("1", "2", "0", "3");
        KeyFigureLine figure = keyFigureLines(List.of(new KeyFigure("davon neuzugewandert", 2L, 7L, 0L, true))).get(0);
        assertThat(List.of(figure.getValue(), figure.getPreviousMonth(), figure.getChangeToPreviousMonth(), figure.getPreviousYear(),
                figure.getChangeToPreviousYear())).containsExactly("•", "7", "•", "0", "•");
        KeyFigureLine offers = keyFigureLines(List.of(new KeyFigure("Neue Angebote", 2L, 1L, null, false))).get(0);
        assertThat(offers.getValue()).isEqualTo("2");
    }

    @Test
    void sharesOfWomenAndNewcomersFollowTheirCountsInPercentAndPoints() {
        List<KeyFigureLine> lines = keyFigureLines(List.of(
                new KeyFigure(KeyFigure.PARTICIPANTS, 400L, 500L, 0L, true),
                new KeyFigure(KeyFigure.FEMALE, 182L, 200L, 0L, true),
                new KeyFigure(KeyFigure.NEWCOMERS, 2L, 50L, null, true)));
        assertThat(lines).extracting(KeyFigureLine::getLabel).containsExactly(
                "Teilnehmende", "davon weiblich", "Anteil Frauen", "davon neuzugewandert", "Anteil Neuzugewanderte");
        KeyFigureLine women = lines.get(2);
        // 182/400 = 45,5 %, 200/500 = 40,0 %: +5,5 points; a year ago nobody took part: no share
        assertThat(List.of(women.getValue(), women.getPreviousMonth(), women.getChangeToPreviousMonth(), women.getPreviousYear(),
                women.getChangeToPreviousYear())).containsExactly("45,5 %", "40,0 %", "+5,5 Pp.", "keine Daten", "keine Daten");
        KeyFigureLine newcomers = lines.get(4);
        // 2 newcomers is a small count: the share would give it away
        assertThat(List.of(newcomers.getValue(), newcomers.getPreviousMonth(), newcomers.getChangeToPreviousMonth()))
                .containsExactly("•", "10,0 %", "•");
    }

    @Test
    void footerAndFileNameNameMonthRunAndBerlinTime() {
        MonthlyReportData data = data(List.of());
        assertThat(MonthlyReport.footerText(data))
                .isEqualTo("Berichtsmonat 10/2026 · erstellt am 22.11.2026 21:15 · Lauf run-1");
        assertThat(MonthlyReport.fileName(data)).isEqualTo("monatsbericht_2026-10.pdf");
    }

    private static MonthlyReportData data(List<MonthPoint> trend) {
        return new MonthlyReportData(OCTOBER, "Kreis Recklinghausen", NOW, "run-1", List.of(), trend, List.of());
    }

    private static MonthlyReportData data(List<KeyFigure> figures, List<MunicipalityRow> rows) {
        return new MonthlyReportData(java.time.YearMonth.of(2026, 10), "Kreis Recklinghausen", java.time.Instant.parse("2026-11-22T20:15:00Z"),
                "run-1", figures, List.of(), rows);
    }

    private static List<MunicipalityLine> lines(List<MunicipalityRow> rows) {
        MonthlyReportData data = data(List.of(), rows);
        return MunicipalityLine.lines(data, Plans.of(data));
    }

    private static List<KeyFigureLine> keyFigureLines(List<KeyFigure> figures) {
        MonthlyReportData data = data(figures, List.of());
        return MonthlyReport.keyFigureLines(data, Plans.of(data));
    }
}
