package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.gold.GoldJob;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStageSummaries {
    @Test
    void goldLineNamesTheCasesAndThoseWithoutZuzugPerProject() {
        Map<String, Long> withoutStart = new LinkedHashMap<>();
        withoutStart.put("EGN-04", 2L);
        withoutStart.put("EGN-07", 1_203L);
        assertThat(StageSummaries.cases(new GoldJob.Cases(12, 1_854, withoutStart, 1.25)))
                .isEqualTo("; Fallverläufe: 12 Projekte, 1.854 Fälle, ohne Zuzug (nicht gezählt): EGN-04 2, EGN-07 1.203 (gold.time_to_event)");
        assertThat(StageSummaries.cases(new GoldJob.Cases(1, 9, Map.of(), 0.5)))
                .isEqualTo("; Fallverläufe: 1 Projekt, 9 Fälle, keine ohne Zuzug (gold.time_to_event)");
        assertThat(StageSummaries.cases(GoldJob.Cases.NONE)).isEmpty();
        GoldJob.Result gold = new GoldJob.Result(java.time.YearMonth.of(2026, 10), java.util.List.of(java.time.YearMonth.of(2026, 10)),
                java.util.List.of(java.time.YearMonth.of(2026, 10)), 5.06, 3.4, new GoldJob.Cases(12, 854, Map.of("EGN-11", 1L), 1.84));
        assertThat(StageSummaries.gold(gold)).isEqualTo("1 Monate (2026-10 bis 2026-10), Berichtsmonat 2026-10, 5,1 s für Versorgungslücken "
                + "(davon 3,4 s Erreichbarkeit, gold.offer_access); Fallverläufe: 12 Projekte, 854 Fälle, ohne Zuzug (nicht gezählt): "
                + "EGN-11 1 (gold.time_to_event, 1,8 s)");
    }
}
