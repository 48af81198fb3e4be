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
        assertThat(StageSummaries.cases(new GoldJob.Cases(12, 1_854, withoutStart)))
                .isEqualTo("; Fallverläufe: 12 Projekte, 1.854 Fälle, ohne Zuzug (nicht gezählt): EGN-04 2, EGN-07 1.203 (gold.time_to_event)");
        assertThat(StageSummaries.cases(new GoldJob.Cases(1, 9, Map.of())))
                .isEqualTo("; Fallverläufe: 1 Projekt, 9 Fälle, keine ohne Zuzug (gold.time_to_event)");
        assertThat(StageSummaries.cases(GoldJob.Cases.NONE)).isEmpty();
    }
}
