package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check before Spark starts: nothing to do only when files, settings, month, tables and the report are as the last run left them. */
class TestRunManifest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path temp;

    Path input;
    Path conf;
    Path out;
    Path warehouse;

    @BeforeEach
    void lastRunSucceeded() throws IOException {
        input = Files.createDirectories(temp.resolve("input/participation"));
        Files.writeString(input.resolve("teilnahmen_2026-10.csv"), "Datum;Teilnehmende\n01.10.2026;3\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("notizen.csv"), "frei\n", StandardCharsets.UTF_8); // outside the contract
        input = temp.resolve("input");
        conf = Files.createDirectories(temp.resolve("conf"));
        Files.writeString(conf.resolve("imon.properties"), "spark.shuffle-partitions = 4\n", StandardCharsets.UTF_8);
        out = Files.createDirectories(temp.resolve("out"));
        Files.createDirectories(out.resolve("kreis-recklinghausen"));
        Files.writeString(out.resolve("kreis-recklinghausen/monatsbericht_2026-10.pdf"), "%PDF", StandardCharsets.UTF_8);
        warehouse = temp.resolve("wh");
        commit("gold/kpi_monthly", 0);
        commit("gold/kpi_monthly", 1);
        Map<String, String> files = new java.util.TreeMap<>(RunManifest.delivered(input));
        files.put("participation/notizen.csv", "ignored");
        RunManifest.write(warehouse.toString(), new RunManifest.State("run-7", RunPlanner.fingerprint(conf), OCTOBER, false,
                "", List.of("kreis-recklinghausen/monatsbericht_2026-10.pdf"), files, Map.of("gold.kpi_monthly", 1L)));
    }

    @Test
    void nothingChangedMeansNothingToDo() {
        assertThat(check(Optional.empty())).map(RunManifest.State::runId).contains("run-7");
        assertThat(check(Optional.of(OCTOBER))).isPresent();
    }

    @Test
    void anyChangeLetsTheRunDecide() throws IOException {
        assertThat(check(Optional.of(YearMonth.of(2026, 9)))).as("another month").isEmpty();

        commit("gold/kpi_monthly", 2);
        assertThat(check(Optional.empty())).as("a table written since").isEmpty();
        Files.delete(warehouse.resolve("gold/kpi_monthly/_delta_log/00000000000000000002.json"));
        assertThat(check(Optional.empty())).isPresent();

        Files.writeString(input.resolve("participation/teilnahmen_2026-10.csv"), "Datum;Teilnehmende\n01.10.2026;4\n");
        assertThat(check(Optional.empty())).as("a corrected file").isEmpty();
    }

    @Test
    void aNewFileSettingsOrAMissingReportLetTheRunDecide() throws IOException {
        Files.delete(out.resolve("kreis-recklinghausen/monatsbericht_2026-10.pdf"));
        assertThat(check(Optional.empty())).as("report missing").isEmpty();
        Files.writeString(out.resolve("kreis-recklinghausen/monatsbericht_2026-10.pdf"), "%PDF");
        assertThat(RunManifest.upToDate(warehouse.toString(), input, conf, Optional.empty(), List.of("05562"), out))
                .as("other report areas").isEmpty();

        Files.writeString(conf.resolve("imon.properties"), "spark.shuffle-partitions = 2\n");
        assertThat(check(Optional.empty())).as("settings changed").isEmpty();
        Files.writeString(conf.resolve("imon.properties"), "spark.shuffle-partitions = 4\n");
        assertThat(check(Optional.empty())).isPresent();

        Files.writeString(input.resolve("participation/teilnahmen_2026-11.csv"), "Datum;Teilnehmende\n");
        assertThat(check(Optional.empty())).as("a new file").isEmpty();
    }

    @Test
    void aRunThatStartsWritingRemovesTheManifest() {
        RunManifest.invalidate(warehouse.toString());
        assertThat(check(Optional.empty())).isEmpty();
    }

    private Optional<RunManifest.State> check(Optional<YearMonth> month) {
        return RunManifest.upToDate(warehouse.toString(), input, conf, month, List.of(), out);
    }

    private void commit(String table, long version) throws IOException {
        Path log = Files.createDirectories(warehouse.resolve(table).resolve("_delta_log"));
        Files.writeString(log.resolve(String.format("%020d.json", version)), "{}");
    }
}
