package de.integrationsmonitor.pipelines.bronze;

import static de.integrationsmonitor.pipelines.testing.UserErrors.categoryOf;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestBronzeIngestion {
    @TempDir
    Path temp;

    @Test
    void aMissingInputFolderIsAnInputError() throws IOException {
        BronzeIngestion ingestion = new BronzeIngestion(new Warehouse(SharedSparkSession.get(), temp.resolve("wh").toString()), Aliases.none());
        Path file = Files.writeString(temp.resolve("angebote.csv"), "Angebots-ID\n");

        assertThat(categoryOf(() -> ingestion.ingest(temp.resolve("lieferung"), "run-1", Instant.EPOCH))).isEqualTo(ErrorCategory.INPUT);
        assertThat(categoryOf(() -> ingestion.ingest(file, "run-1", Instant.EPOCH))).isEqualTo(ErrorCategory.INPUT);
        assertThat(temp.resolve("wh")).doesNotExist(); // refused before anything is written
    }
}
