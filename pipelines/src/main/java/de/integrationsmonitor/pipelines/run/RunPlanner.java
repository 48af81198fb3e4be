package de.integrationsmonitor.pipelines.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import de.integrationsmonitor.pipelines.contract.Layer;
import de.integrationsmonitor.pipelines.contract.RunScope;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Incremental planning: compares bronze and the ops tables with the last successful run and decides the
 * {@link RunScope} of this run. Silver and gold only receive the scope; they never look at the run log.
 */
public final class RunPlanner {
    /**
     * Bumped when a release changes how silver or gold are computed, so the first run after an update
     * rebuilds everything instead of mixing months computed by old and new rules.
     */
    static final String LOGIC_VERSION = "imon-logic-4";

    /** ops.run_log.mode of a run that found nothing to do and skipped silver, gold and the checks. */
    static final String UP_TO_DATE = "up to date";

    private RunPlanner() {}

    /** The latest successful run that computed silver and gold (not one that found nothing to do), if any. */
    static Optional<String> lastComputingRun(Warehouse warehouse) {
        if (!warehouse.exists(TableCatalog.OPS_RUN_LOG)) {
            return Optional.empty();
        }
        return warehouse.read(TableCatalog.OPS_RUN_LOG)
                .filter(col("status").equalTo("succeeded").and(coalesce(col("mode"), lit("")).notEqual(UP_TO_DATE)))
                .orderBy(col("started_at").desc()).select("run_id").limit(1).collectAsList().stream()
                .map(row -> row.getString(0)).findFirst();
    }

    /**
     * Decides the scope of a run after bronze ingestion.
     *
     * @param fingerprint {@link #fingerprint(Path)} of the conf folder this run uses
     */
    public static RunScope detect(Warehouse warehouse, String fingerprint, boolean forceFull) {
        if (forceFull) {
            return RunScope.full("--full angegeben");
        }
        if (!warehouse.exists(TableCatalog.OPS_RUN_LOG)) {
            return RunScope.full("erster Lauf in diesem Warehouse");
        }
        List<Row> last = warehouse.read(TableCatalog.OPS_RUN_LOG).filter(col("status").equalTo("succeeded"))
                .orderBy(col("started_at").desc()).select("started_at", "settings_fingerprint").limit(1).collectAsList();
        if (last.isEmpty()) {
            return RunScope.full("noch kein erfolgreicher Lauf");
        }
        if (!fingerprint.equals(last.get(0).getString(1))) {
            return RunScope.full("Einstellungen in conf/ oder Programmversion geändert");
        }
        for (TableDef table : TableCatalog.all()) {
            if (table.layer() != Layer.BRONZE && table.layer() != Layer.OPS
                    && !warehouse.exists(table)) {
                return RunScope.full("Tabelle " + table.qualifiedName() + " fehlt");
            }
        }
        Optional<TableDef> touched = changedAfterSuccessfulRuns(warehouse);
        if (touched.isPresent()) {
            return RunScope.full("Tabelle " + touched.get().qualifiedName() + " wurde nach dem letzten erfolgreichen Lauf geändert "
                    + "(abgebrochener oder fehlgeschlagener Lauf)");
        }
        Map<Source, Set<String>> changed = changedSince(warehouse, last.get(0).getTimestamp(0));
        for (Source reference : List.of(Source.ORG_UNITS, Source.DEMAND)) {
            if (changed.containsKey(reference)) {
                return RunScope.full("Referenzdaten geändert: " + String.join(", ", changed.get(reference)));
            }
        }
        return new RunScope(null, changed);
    }

    /**
     * A silver or gold table whose current Delta version is newer than every version a successful run read or
     * left (ops.run_tables), or a table no successful run recorded. Such a version was written by a run that
     * died afterwards (killed, or failed). That run may have replaced silver partitions without recomputing
     * gold from them; an incremental run finds the months to recompute by comparing silver before and after
     * its own writes, so it would miss those changes (a corrected file's months that no longer hold events).
     */
    private static Optional<TableDef> changedAfterSuccessfulRuns(Warehouse warehouse) {
        Map<String, Long> recorded = new HashMap<>();
        if (warehouse.exists(TableCatalog.OPS_RUN_TABLES)) {
            Dataset<Row> succeeded = warehouse.read(TableCatalog.OPS_RUN_LOG).filter(col("status").equalTo("succeeded")).select("run_id");
            warehouse.read(TableCatalog.OPS_RUN_TABLES).join(succeeded, "run_id").groupBy("table_name")
                    .agg(max(coalesce(col("version_written"), col("version_read"))))
                    .collectAsList().forEach(row -> recorded.put(row.getString(0), row.isNullAt(1) ? null : row.getLong(1)));
        }
        for (TableDef table : TableCatalog.all()) {
            if (table.layer() == Layer.BRONZE || table.layer() == Layer.OPS) {
                continue;
            }
            Long version = recorded.get(table.qualifiedName());
            if (version == null || warehouse.currentVersion(table) > version) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** Per source, the files whose bronze rows were loaded after {@code since} (one query over all bronze tables). */
    private static Map<Source, Set<String>> changedSince(Warehouse warehouse, Timestamp since) {
        Dataset<Row> loaded = null;
        for (Source source : Source.values()) {
            Dataset<Row> files = warehouse.read(TableCatalog.bronze(source)).filter(col("_ingested_at").gt(lit(since)))
                    .select(lit(source.name()).as("source"), col("_source_file")).distinct();
            loaded = loaded == null ? files : loaded.unionByName(files);
        }
        Map<Source, Set<String>> changed = new EnumMap<>(Source.class);
        for (Row row : loaded.collectAsList()) {
            changed.computeIfAbsent(Source.valueOf(row.getString(0)), s -> new TreeSet<>()).add(row.getString(1));
        }
        return changed;
    }

    /** A hash of every file in the conf folder (settings, vocabularies, aliases) and of {@link #LOGIC_VERSION}. */
    public static String fingerprint(Path confDir) {
        try (Stream<Path> files = Files.walk(confDir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(LOGIC_VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(confDir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + confDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
