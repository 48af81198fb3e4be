package de.integrationsmonitor.pipelines.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while it created a table leaves a folder without a Delta commit: a {@code _delta_log} folder that
 * is empty or holds only the commit's temporary file, maybe data files of the first write. Nothing in it was ever
 * committed, so the next run creates the table there instead of failing with "location is not empty".
 */
@ExtendWith(SharedSparkSession.class)
class TestInterruptedCreate {
    private static final TableDef TABLE = TableCatalog.SILVER_ORG_UNITS;

    @Test
    void aFolderWithAnEmptyDeltaLogAndAnUncommittedDataFileBecomesAnEmptyTable(SparkSession spark, @TempDir Path temp) throws IOException {
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        Path location = Path.of(warehouse.location(TABLE));
        Files.createDirectories(location.resolve("_delta_log/_staged_commits"));
        Files.write(location.resolve("part-00000-uncommitted.snappy.parquet"), new byte[] {1, 2, 3});

        assertThat(warehouse.exists(TABLE)).isFalse();
        assertThat(warehouse.create(TABLE)).as("created now").isTrue();

        assertThat(new Warehouse(spark, temp.toString()).read(TABLE).count()).isZero();
        assertThat(location.resolve("part-00000-uncommitted.snappy.parquet")).doesNotExist();
    }

    @Test
    void aFolderWhoseLogHoldsOnlyTheTemporaryFileOfTheFirstCommitBecomesAnEmptyTable(SparkSession spark, @TempDir Path temp)
            throws IOException {
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        Path log = Path.of(warehouse.location(TABLE)).resolve("_delta_log");
        Files.createDirectories(log);
        Files.writeString(log.resolve(".00000000000000000000.json.0c6b5d2e-uncommitted.tmp"), "{\"commitInfo\":{}}\n");

        assertThat(warehouse.create(TABLE)).isTrue();

        assertThat(new Warehouse(spark, temp.toString()).read(TABLE).count()).isZero();
    }

    @Test
    void aCommittedTableIsKept(SparkSession spark, @TempDir Path temp) {
        Warehouse warehouse = new Warehouse(spark, temp.toString());
        warehouse.overwrite(TABLE, spark.createDataFrame(java.util.List.of(), TABLE.schema()));

        assertThat(new Warehouse(spark, temp.toString()).create(TABLE)).as("existed before").isFalse();
    }
}
