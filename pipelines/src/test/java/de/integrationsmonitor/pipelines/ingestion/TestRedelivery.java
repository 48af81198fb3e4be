package de.integrationsmonitor.pipelines.ingestion;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-delivering an identical file is a no-op; a corrected file replaces that file's rows only. */
@SparkTest
class TestRedelivery {
    private static final String HEADER = "Angebots-ID;Datum;Teilnehmende\n";

    @Test
    void identicalFilesAreSkippedAndACorrectedMonthReplacesOnlyItsRows(SparkSession spark, @TempDir Path temp) throws IOException {
        Path input = temp.resolve("input");
        Files.createDirectories(input.resolve("participation"));
        Files.writeString(input.resolve("participation/teilnahmen_2026-09.csv"), HEADER + "RE-1;02.09.2026;5\nRE-1;09.09.2026;6\n");
        Files.writeString(input.resolve("participation/teilnahmen_2026-10.csv"), HEADER + "RE-1;07.10.2026;7\n");
        Warehouse warehouse = new Warehouse(spark, temp.resolve("warehouse").toString());
        BronzeIngestion ingestion = new BronzeIngestion(warehouse, Fixtures.aliases());

        List<FileOutcome> first = ingestion.ingest(input, "run-1", Instant.parse("2026-11-01T08:00:00Z"));
        List<FileOutcome> again = ingestion.ingest(input, "run-2", Instant.parse("2026-11-02T08:00:00Z"));
        Files.writeString(input.resolve("participation/teilnahmen_2026-09.csv"), HEADER + "RE-1;02.09.2026;15\n");
        List<FileOutcome> corrected = ingestion.ingest(input, "run-3", Instant.parse("2026-11-03T08:00:00Z"));

        assertThat(first).extracting(FileOutcome::status).containsExactly(FileOutcome.Status.LOADED, FileOutcome.Status.LOADED);
        assertThat(again).extracting(FileOutcome::status).containsExactly(FileOutcome.Status.UNCHANGED, FileOutcome.Status.UNCHANGED);
        assertThat(corrected).extracting(FileOutcome::status).containsExactly(FileOutcome.Status.REPLACED, FileOutcome.Status.UNCHANGED);
        assertThat(rows(warehouse.read(TableCatalog.bronze(Source.PARTICIPATION)), "_source_file", "_source_line", "participants", "_run_id"))
                .containsExactly(
                        row("participation/teilnahmen_2026-09.csv", 2, "15", "run-3"),
                        row("participation/teilnahmen_2026-10.csv", 2, "7", "run-1"));
    }
}
