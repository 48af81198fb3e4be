package de.integrationsmonitor.pipelines.bronze;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.UserException;
import de.integrationsmonitor.pipelines.catalog.Source;
import de.integrationsmonitor.pipelines.catalog.TableCatalog;
import de.integrationsmonitor.pipelines.catalog.TableDef;
import de.integrationsmonitor.pipelines.catalog.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every delivered file of the input folder into its append-only bronze table. An identical
 * re-delivery is a no-op; a changed file with the same name (same period) replaces that file's rows.
 */
public final class BronzeIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestion.class);

    private final Warehouse warehouse;
    private final Aliases aliases;

    public BronzeIngestion(Warehouse warehouse, Aliases aliases) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.aliases = requireNonNull(aliases, "aliases is null");
    }

    public List<FileOutcome> ingest(Path inputDir, String runId, Instant ingestedAt) {
        List<Path> files = deliveredFiles(inputDir);
        Map<Source, List<String>> pendingFiles = new java.util.EnumMap<>(Source.class);
        Map<Source, List<String>> staged = new java.util.EnumMap<>(Source.class);
        List<FileOutcome> outcomes = new ArrayList<>();
        Map<Source, Map<String, String>> known = new HashMap<>();
        try (BronzeStaging staging = new BronzeStaging(warehouse.spark(), warehouse.root())) {
            for (Path file : files) {
                String relative = inputDir.relativize(file).toString().replace('\\', '/');
                Source source = Source.forFile(relative).orElse(null);
                if (source == null) {
                    outcomes.add(new FileOutcome(relative, null, FileOutcome.Status.IGNORED, 0,
                            "keine Datei des Datenvertrags"));
                    continue;
                }
                DeliveredFile delivered = CsvFileReader.read(file, relative, source, aliases);
                if (delivered instanceof DeliveredFile.Rejected rejected) {
                    LOG.warn("rejected file {}: {}", relative, rejected.reason());
                    outcomes.add(new FileOutcome(relative, rejected.checksum(), FileOutcome.Status.REJECTED, 0, rejected.message()));
                    continue;
                }
                DeliveredFile.Accepted accepted = (DeliveredFile.Accepted) delivered;
                String previous = known.computeIfAbsent(source, this::checksumsByFile).get(relative);
                FileOutcome.Status status;
                if (accepted.checksum().equals(previous)) {
                    status = FileOutcome.Status.UNCHANGED;
                } else {
                    status = previous == null ? FileOutcome.Status.LOADED : FileOutcome.Status.REPLACED;
                    // staged one file at a time: memory holds one delivered file, not a Land's five years
                    staged.computeIfAbsent(source, s -> new ArrayList<>()).add(staging.stage(source, accepted));
                    pendingFiles.computeIfAbsent(source, s -> new ArrayList<>()).add(relative);
                }
                String message = "windows-1252".equals(accepted.encoding()) ? "als Windows-1252 erkannt und gelesen" : null;
                outcomes.add(new FileOutcome(relative, accepted.checksum(), status, accepted.rows().size(), message));
            }
            List<Runnable> writes = new ArrayList<>();
            staged.forEach((source, stagedFiles) -> writes.add(() -> {
                TableDef table = TableCatalog.bronze(source);
                List<String> delivered = pendingFiles.get(source);
                warehouse.replaceWhere(table, Warehouse.in("_source_file", delivered.stream().map(Warehouse::literal).toList()),
                        staging.read(source, stagedFiles, runId, ingestedAt));
                LOG.info("bronze {}: {} file(s)", table, delivered.size());
            }));
            warehouse.inParallel(writes);
        }
        return outcomes;
    }

    /** The bronze rows of one file: lineage columns, raw values in source column order, extra columns. */
    public static List<Row> toRows(Source source, DeliveredFile.Accepted file, String runId, Instant ingestedAt) {
        Timestamp at = Timestamp.from(ingestedAt);
        String period = source.periodOf(file.relativePath()).orElse(null);
        List<Row> rows = new ArrayList<>(file.rows().size());
        for (DeliveredFile.RawRow raw : file.rows()) {
            Object[] values = new Object[6 + raw.values().size() + 1];
            values[0] = file.relativePath();
            values[1] = raw.line();
            values[2] = file.checksum();
            values[3] = at;
            values[4] = runId;
            values[5] = period;
            for (int i = 0; i < raw.values().size(); i++) {
                values[6 + i] = raw.values().get(i);
            }
            values[values.length - 1] = scala.jdk.javaapi.CollectionConverters.asScala(raw.extras());
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    private Map<String, String> checksumsByFile(Source source) {
        TableDef table = TableCatalog.bronze(source);
        Map<String, String> checksums = new HashMap<>();
        for (Row row : warehouse.read(table).select("_source_file", "_file_checksum").distinct().collectAsList()) {
            checksums.put(row.getString(0), row.getString(1));
        }
        return checksums;
    }

    private static List<Path> deliveredFiles(Path inputDir) {
        if (!Files.isDirectory(inputDir)) {
            throw new UserException("Eingabeordner " + inputDir + " existiert nicht oder ist kein Ordner.");
        }
        try (Stream<Path> walk = Files.walk(inputDir)) {
            Set<String> skipped = Set.of(".git");
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .filter(path -> skipped.stream().noneMatch(s -> path.toString().contains("/" + s + "/")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserException("Eingabeordner " + inputDir + " kann nicht gelesen werden: " + e.getMessage(), e);
        }
    }
}
