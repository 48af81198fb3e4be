package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.RunScope;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that die half-way, in process: a run that stops after bronze, or after silver, is what a killed (or
 * failed) {@code imon run} leaves behind. On the hand-made fixture of the reports module:
 * <ol>
 * <li>a successful first run;</li>
 * <li>the September participation file is re-delivered with its one event (O1, 10 participants) dated
 *     15.10.2026 instead of 15.09.2026; a run loads it into bronze and dies;</li>
 * <li>the next run refines it into silver (incrementally: silver and gold are still those of run 1) and dies
 *     before gold;</li>
 * <li>the next run completes.</li>
 * </ol>
 * Gold must equal a run of the corrected input into an empty warehouse. Run 3 moved the event out of
 * September in silver; had run 4 been incremental, it would have compared silver with itself, missed that
 * September changed and kept the event in September's gold figures.
 */
@SparkTest
class InterruptedRunIT {
    @TempDir
    static Path temp;

    static Warehouse warehouse;
    static Warehouse reference;
    static RunScope afterBronzeOnly;
    static RunScope afterSilver;
    /** Whether Spark's cache manager was empty after run 1's silver stage, and after its gold stage. */
    static boolean noCacheAfterSilver;
    static boolean noCacheAfterGold;

    @BeforeAll
    static void run(SparkSession spark) throws IOException {
        Path project = Fixtures.projectConf().getParent();
        Path input = temp.resolve("input");
        IncrementalRunIT.copyTree(project.resolve("pipelines/src/test/resources/fixture-input"), input);
        ImonConfig config = ImonConfig.load(project, project.resolve("conf")).withInputPath(input);
        warehouse = new Warehouse(spark, temp.resolve("interrupted").toString());
        Pipeline first = pipeline(config, warehouse, "run-1");
        first.bronze();
        first.silver();
        noCacheAfterSilver = cacheIsEmpty(spark);
        first.gold(Optional.empty());
        noCacheAfterGold = cacheIsEmpty(spark);
        first.logRun("test", "succeeded", null);

        Path september = input.resolve("participation/teilnahmen_2026-09.csv");
        Files.writeString(september, Files.readString(september, StandardCharsets.UTF_8).replace("O1;15.09.2026;", "O1;15.10.2026;"),
                StandardCharsets.UTF_8);
        pipeline(config, warehouse, "run-2").bronze();
        Pipeline third = pipeline(config, warehouse, "run-3");
        third.bronze();
        afterBronzeOnly = third.scope();
        third.silver();
        Pipeline fourth = pipeline(config, warehouse, "run-4");
        fourth.bronze();
        afterSilver = fourth.scope();
        fourth.silver();
        fourth.gold(Optional.empty());
        fourth.logRun("test", "succeeded", null);

        reference = new Warehouse(spark, temp.resolve("reference").toString());
        Pipeline uninterrupted = pipeline(config, reference, "run-reference");
        uninterrupted.bronze();
        uninterrupted.silver();
        uninterrupted.gold(Optional.empty());
    }

    private static boolean cacheIsEmpty(SparkSession spark) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).sharedState().cacheManager().isEmpty();
    }

    private static Pipeline pipeline(ImonConfig config, Warehouse warehouse, String runId) {
        return new Pipeline(config.withWarehousePath(warehouse.root()), warehouse, runId, Instant.now());
    }

    /** Run 2 only wrote bronze: run 3 is incremental and refines the file run 2 loaded (bronze itself found it unchanged). */
    @Test
    void aRunKilledDuringBronzeLeavesTheNextRunIncrementalWithItsFiles() {
        assertThat(afterBronzeOnly.fullReason()).isNull();
        assertThat(afterBronzeOnly.changed(Source.PARTICIPATION)).containsExactly("participation/teilnahmen_2026-09.csv");
    }

    /** Silver caches four frames, gold several: one JVM running many pipelines must not keep them (heap, broadcasts). */
    @Test
    void eachStageDropsTheFramesItCached() {
        assertThat(noCacheAfterSilver).as("cache manager empty after silver").isTrue();
        assertThat(noCacheAfterGold).as("cache manager empty after gold").isTrue();
    }

    @Test
    void aRunKilledAfterWritingSilverMakesTheNextRunRebuildEverything() {
        assertThat(afterSilver.fullReason()).startsWith("Tabelle silver.").contains("nach dem letzten erfolgreichen Lauf geändert");
    }

    @Test
    void goldAndSilverEqualAnUninterruptedRun() {
        for (TableDef table : TableCatalog.all()) {
            if (table.layer() == Layer.BRONZE || Set.of(TableCatalog.OPS_RUN_LOG, TableCatalog.OPS_RUN_TABLES,
                    TableCatalog.OPS_FILE_LOG, TableCatalog.OPS_DQ_RESULTS).contains(table)) {
                continue;
            }
            IncrementalRunIT.assertSameRows(table, warehouse.read(table).drop("run_id"), reference.read(table).drop("run_id"));
        }
        // by hand: September has no event left, October has O1's 10 participants on top of 12 + 8 + 20
        assertThat(warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).filter("org_unit_id = '05562'").orderBy("month")
                .select("month", "participants").collectAsList().toString()).isEqualTo("[[2026-09,0], [2026-10,50]]");
    }
}
