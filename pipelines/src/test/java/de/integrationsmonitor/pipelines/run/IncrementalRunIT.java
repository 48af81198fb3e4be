package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.RunScope;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental monthly run against a full rebuild, on the sample data:
 * <ol>
 * <li>a first run without October 2026 (no participation file 2026-10, no snapshot 2026-10-01);</li>
 * <li>October's two files arrive, together with a corrected March file (54 more participants at one event),
 *     and {@code run --month 2026-10} runs incrementally;</li>
 * <li>a full run of the same final input into a second warehouse.</li>
 * </ol>
 * An unchanged May file holds an event of an offer that first appears in the October snapshot: the first
 * run quarantines it (unknown offer), and after October arrives it must count, as in the full rebuild.
 */
@SparkTest
class IncrementalRunIT {
    @TempDir
    static Path temp;

    static Warehouse incremental;
    static Warehouse rebuilt;
    static RunScope secondScope;
    static GoldJob.Result secondGold;
    static String lateOfferId;

    @BeforeAll
    static void run(SparkSession spark) throws IOException {
        Path project = Fixtures.projectConf().getParent();
        Path input = temp.resolve("input");
        copyTree(project.resolve("sample-data"), input);
        Path october = temp.resolve("october");
        Files.createDirectories(october.resolve("offers"));
        Files.createDirectories(october.resolve("participation"));
        Files.move(input.resolve("offers/angebote_2026-10-01.csv"), october.resolve("offers/angebote_2026-10-01.csv"));
        Files.move(input.resolve("participation/teilnahmen_2026-10.csv"), october.resolve("participation/teilnahmen_2026-10.csv"));

        lateOfferId = firstNewOfferId(input.resolve("offers"), october.resolve("offers/angebote_2026-10-01.csv"));
        Files.writeString(input.resolve("participation/teilnahmen_2026-05.csv"), lateOfferId + ";2026-05-20;9;5;4;0;2;;\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        ImonConfig config = ImonConfig.load(project, project.resolve("conf")).withInputPath(input);
        incremental = new Warehouse(spark, temp.resolve("incremental").toString());
        Pipeline first = run(config, incremental, "run-1", Optional.empty());
        assertThat(first.scope().isFull()).isTrue();

        copyTree(october, input);
        Path march = input.resolve("participation/teilnahmen_2026-03.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(march, StandardCharsets.UTF_8));
        String[] fields = lines.get(1).split(";", -1);
        fields[2] = String.valueOf(Integer.parseInt(fields[2]) + 54);
        lines.set(1, String.join(";", fields));
        Files.write(march, lines, StandardCharsets.UTF_8);

        Pipeline second = run(config, incremental, "run-2", Optional.of(YearMonth.of(2026, 10)));
        secondScope = second.scope();
        secondGold = second.goldResult();

        rebuilt = new Warehouse(spark, temp.resolve("rebuilt").toString());
        run(config, rebuilt, "run-full", Optional.of(YearMonth.of(2026, 10)));
    }

    private static Pipeline run(ImonConfig config, Warehouse warehouse, String runId, Optional<YearMonth> month) {
        Pipeline pipeline = new Pipeline(config.withWarehousePath(warehouse.root()), warehouse, runId, Instant.now());
        pipeline.bronze();
        pipeline.silver();
        pipeline.gold(month);
        pipeline.logRun("test", "succeeded", null);
        return pipeline;
    }

    @Test
    void secondRunIsIncrementalAndRecomputesOnlyTheTouchedMonths() {
        assertThat(secondScope.fullReason()).isNull();
        assertThat(secondScope.changedFiles().values().stream().flatMap(Set::stream).sorted().toList()).containsExactly(
                "offers/angebote_2026-10-01.csv", "participation/teilnahmen_2026-03.csv", "participation/teilnahmen_2026-10.csv");
        // The event months of the files refined again: the corrected March file (March), the May file whose event
        // of the late offer now resolves (it also reports one event of 29 April), October's file and snapshot.
        assertThat(secondGold.computedMonths()).containsExactly(YearMonth.of(2026, 3), YearMonth.of(2026, 4), YearMonth.of(2026, 5),
                YearMonth.of(2026, 10));
        assertThat(secondGold.months()).hasSize(12);
    }

    @Test
    void goldEqualsAFullRebuild() {
        for (TableDef table : TableCatalog.all()) {
            if (table.layer() != Layer.GOLD || Set.of(TableCatalog.OPS_RUN_LOG, TableCatalog.OPS_RUN_TABLES,
                    TableCatalog.OPS_FILE_LOG, TableCatalog.OPS_DQ_RESULTS).contains(table)) {
                continue;
            }
            assertSameRows(table, incremental.read(table), rebuilt.read(table));
        }
    }

    @Test
    void silverEqualsAFullRebuild() {
        for (TableDef table : List.of(TableCatalog.SILVER_OFFERS, TableCatalog.SILVER_OFFER_HISTORY, TableCatalog.SILVER_OFFER_CODES,
                TableCatalog.SILVER_EVENTS)) {
            assertSameRows(table, incremental.read(table), rebuilt.read(table));
        }
        assertSameRows(TableCatalog.SILVER_QUARANTINE, incremental.read(TableCatalog.SILVER_QUARANTINE).drop("run_id"),
                rebuilt.read(TableCatalog.SILVER_QUARANTINE).drop("run_id"));
    }

    @Test
    void theCorrectionAndTheLateOfferCount() {
        Row march = incremental.read(TableCatalog.GOLD_KPI_MONTHLY).filter("month = '2026-03' AND org_unit_id = '05562'")
                .select("participants").first();
        // version 0 is the empty table, version 1 the first run's months
        Row marchBefore = incremental.spark().read().format("delta").option("versionAsOf", 1)
                .load(incremental.location(TableCatalog.GOLD_KPI_MONTHLY)).filter("month = '2026-03' AND org_unit_id = '05562'")
                .select("participants").first();
        assertThat(march.getLong(0) - marchBefore.getLong(0)).isEqualTo(54L);
        assertThat(incremental.read(TableCatalog.GOLD_EVENTS).filter("offer_id = '" + lateOfferId + "' AND event_date = DATE'2026-05-20'")
                .count()).isEqualTo(1);
        assertThat(incremental.read(TableCatalog.SILVER_QUARANTINE).filter("reason = 'unknown_offer' AND value = '" + lateOfferId + "'")
                .count()).isZero();
    }

    @Test
    void unchangedFilesKeepTheirRowAccounting() {
        Row june = incremental.read(TableCatalog.OPS_FILE_LOG)
                .filter("run_id = 'run-2' AND source_file = 'participation/teilnahmen_2026-06.csv'").first();
        Row juneRebuilt = rebuilt.read(TableCatalog.OPS_FILE_LOG)
                .filter("source_file = 'participation/teilnahmen_2026-06.csv'").first();
        assertThat(june.<Long>getAs("rows_in")).isPositive().isEqualTo(juneRebuilt.<Long>getAs("rows_in"));
        assertThat(june.<Long>getAs("rows_accepted")).isEqualTo(juneRebuilt.<Long>getAs("rows_accepted"));
        assertThat(june.<String>getAs("status")).isEqualTo("unchanged");
    }

    static void assertSameRows(TableDef table, Dataset<Row> actual, Dataset<Row> expected) {
        long count = expected.count();
        assertThat(actual.count()).as("rows of %s", table).isEqualTo(count);
        assertThat(actual.exceptAll(expected).count()).as("rows of %s only in the incremental warehouse", table).isZero();
        assertThat(expected.exceptAll(actual).count()).as("rows of %s only in the rebuilt warehouse", table).isZero();
    }

    /** An offer of the new snapshot that no earlier snapshot holds (the first one; the sample's faulty rows come later). */
    private static String firstNewOfferId(Path earlierSnapshots, Path after) throws IOException {
        Set<String> known = new HashSet<>();
        try (Stream<Path> files = Files.list(earlierSnapshots)) {
            for (Path before : files.toList()) {
                Files.readAllLines(before, StandardCharsets.UTF_8).stream().skip(1).forEach(l -> known.add(l.split(";", 2)[0]));
            }
        }
        return Files.readAllLines(after, StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(";", 2)[0])
                .filter(id -> id.startsWith("RE-") && !known.contains(id)).findFirst().orElseThrow();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
