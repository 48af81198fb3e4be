package de.integrationsmonitor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.Plans;
import de.integrationsmonitor.reports.gaps.GapCells;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.gaps.GapRow;
import de.integrationsmonitor.reports.gaps.Unit;
import de.integrationsmonitor.reports.land.LandCells;
import de.integrationsmonitor.reports.land.LandOverviewData;
import de.integrationsmonitor.reports.monthly.KeyFigure;
import de.integrationsmonitor.reports.monthly.MonthlyCells;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.monthly.MunicipalityRow;
import de.integrationsmonitor.reports.workshops.WorkshopCells;
import de.integrationsmonitor.reports.workshops.WorkshopReportData;
import de.integrationsmonitor.reports.workshops.WorkshopRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The small-count protection of one run over all its reports at once, on numbers a person can check: each case is a
 * cell that one report alone would show and that another report of the run would then give away. k = 3.
 */
class TestRunDisclosure {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant AT = Instant.parse("2026-11-22T20:15:00Z");
    private static final String AREA = "Kreis Recklinghausen";

    private static MonthlyReportData monthly(long workshopParticipants) {
        List<KeyFigure> figures = List.of(new KeyFigure(KeyFigure.PARTICIPANTS, 110L, 90L, null, true),
                new KeyFigure(KeyFigure.WORKSHOP_PARTICIPANTS, workshopParticipants, 0L, null, true));
        List<MunicipalityRow> rows = List.of(new MunicipalityRow("Marl", 1, 0L, 0L, 2, 60, 30, 20, 1),
                new MunicipalityRow("Waltrop", 1, 0L, 0L, 1, 50, 20, 10, 1));
        return new MonthlyReportData(OCTOBER, AREA, AT, "run-1", figures, List.of(), rows);
    }

    private static WorkshopReportData workshops(Long... participants) {
        List<WorkshopRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < participants.length; i++) {
            rows.add(new WorkshopRow("W" + i, "Workshop " + i, "Wohnen", LocalDate.of(2026, 10, 5 + i), "Marl", null, participants[i], Map.of()));
        }
        return new WorkshopReportData(OCTOBER, AREA, rows, List.of(), Map.of(), Map.of(), "run-1", AT);
    }

    private static DisclosurePlan plan(MonthlyReportData monthly, WorkshopReportData workshops) {
        return DisclosurePlan.of(Plans.RULE, b -> {
            MonthlyCells.register(monthly, b);
            WorkshopCells.register(workshops, b);
        });
    }

    @Test
    void aSmallWorkshopTakesAnotherWorkshopOfTheMonthWithItBecauseTheMonatsberichtShowsTheirSum() {
        // Workshop-Auswertung: 2 and 15 participants in October; Monatsbericht: 17 "Teilnehmende an Workshops".
        // Alone, the Workshop-Auswertung would show "•" and 15, and 17 - 15 = 2.
        DisclosurePlan plan = plan(monthly(17), workshops(2L, 15L));

        assertThat(plan.shown(new DisclosurePlan.Cell(KeyFigure.WORKSHOP_PARTICIPANTS, "Workshop W0", OCTOBER))).isEqualTo("•");
        assertThat(plan.shown(new DisclosurePlan.Cell(KeyFigure.WORKSHOP_PARTICIPANTS, "Workshop W1", OCTOBER))).isEqualTo("•");
        assertThat(plan.shown(DisclosurePlan.Cell.area(KeyFigure.WORKSHOP_PARTICIPANTS, AREA, OCTOBER))).isEqualTo("17");
        assertThat(plan.secondaryCells()).isEqualTo(1);
    }

    @Test
    void aWorkshopWithoutKnownParticipantsLeavesTheSumOpen() {
        // 2 known, one workshop without a count: the key figure (2, from the known one) is itself small
        DisclosurePlan plan = plan(monthly(2), workshops(2L, null));

        assertThat(plan.hidden(DisclosurePlan.Cell.area(KeyFigure.WORKSHOP_PARTICIPANTS, AREA, OCTOBER))).isTrue();
        assertThat(plan.secondaryCells()).isZero();
    }

    @Test
    void theLandesuebersichtShowsAnAreaTotalExactlyAsTheMonatsberichtDoes() {
        // Participants 110 (October) and 90 (September) in both reports: one cell each, shown in both
        LandOverviewData.AreaLine line = new LandOverviewData.AreaLine("05562", AREA, "Münster", 610_000L, 2L, 2L, 3L, 110L, 90L, 2L,
                null, null, List.of(), List.of(), null);
        LandOverviewData land = new LandOverviewData(OCTOBER, List.of(line), List.of(), Map.of(), "run-1", AT);
        DisclosurePlan plan = DisclosurePlan.of(Plans.RULE, b -> {
            MonthlyCells.register(monthly(17), b);
            LandCells.register(land, b);
        });

        assertThat(plan.shown(DisclosurePlan.Cell.area(KeyFigure.PARTICIPANTS, AREA, OCTOBER))).isEqualTo("110");
        assertThat(plan.shown(DisclosurePlan.Cell.area(KeyFigure.PARTICIPANTS, AREA, OCTOBER.minusMonths(1)))).isEqualTo("90");
        // the Gemeinde column sums to the key figure: the same cell, not a second one
        assertThat(plan.cells()).isEqualTo(2 /* area Oct, Sep */ + 2 /* workshops Oct, Sep */ + 3 * 2 /* Gemeinden */
                + 2 /* davon weiblich, neuzugewandert: Summe without a key figure */);
    }

    @Test
    void aSmallStadtteilTakesAnotherWithItWhereItsGemeindeShowsTheirSum() {
        // Marl, Sprache Arabisch: Stadtteile Hüls 2 and Brassert 150, Marl 152 in the Kreis report. Alone, the Gemeinde
        // report would show "•" and 150, and 152 - 150 = 2.
        Unit marl = new Unit("05562024", "Marl");
        GapRow gemeinde = new GapRow(marl.id(), "Marl", marl.id(), "Marl", "language", "ar", 152, 1, 1.0, 1.0, 0.0, false);
        GapRow huels = new GapRow("05562024-huels", "Hüls", marl.id(), "Marl", "language", "ar", 2, 0, 0.01, 0.0, 0.01, false);
        GapRow brassert = new GapRow("05562024-brassert", "Brassert", marl.id(), "Marl", "language", "ar", 150, 1, 1.0, 1.0, 0.0, false);
        GapReportData gaps = new GapReportData(OCTOBER, new Unit("05562", AREA), List.of(marl), List.of(gemeinde),
                List.of(huels, brassert), List.of(), Map.of(), 200, 0.5, null, Map.of(), 0, "run-1", AT);

        DisclosurePlan plan = Plans.of(gaps);

        assertThat(plan.shown(GapCells.demand(huels, OCTOBER))).isEqualTo("•");
        assertThat(plan.shown(GapCells.demand(brassert, OCTOBER))).isEqualTo("•");
        assertThat(plan.shown(GapCells.demand(gemeinde, OCTOBER))).isEqualTo("152");
    }
}
