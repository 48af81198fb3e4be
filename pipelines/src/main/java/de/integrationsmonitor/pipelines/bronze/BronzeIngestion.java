package de.integrationsmonitor.pipelines.bronze;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.Parallel;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
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
        java.util.Set<Source> sources = java.util.EnumSet.noneOf(Source.class);
        for (Path file : files) {
            Source.forFile(relativePath(inputDir, file)).ifPresent(sources::add);
        }
        Map<Source, Map<String, Loaded>> known = checksumsByFile(sources);
        try (BronzeStaging staging = new BronzeStaging(warehouse.spark(), warehouse.root())) {
            // Files are read, checked and staged side by side (the driver's cores are idle meanwhile); each
            // worker holds one delivered file in memory, not a Land's five years.
            List<Read> reads = Parallel.map(files, Runtime.getRuntime().availableProcessors(), "imon-reader",
                    file -> read(inputDir, file, known, staging));
            Map<Source, List<Read>> staged = new java.util.EnumMap<>(Source.class);
            reads.stream().filter(r -> r.stagedFile() != null)
                    .forEach(r -> staged.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
            List<Runnable> writes = new ArrayList<>();
            staged.forEach((source, delivered) -> writes.add(() -> {
                TableDef table = TableCatalog.bronze(source);
                // one staged file per delivered file: already grouped by bronze's partition column (_source_file)
                warehouse.replaceWhereGrouped(table, Warehouse.in("_source_file",
                                delivered.stream().map(r -> Warehouse.literal(r.outcome().sourceFile())).toList()),
                        staging.read(source, delivered.stream().map(Read::stagedFile).toList(), runId, ingestedAt));
                LOG.info("bronze {}: {} file(s)", table, delivered.size());
            }));
            warehouse.inParallel(writes);
            return reads.stream().map(Read::outcome).toList();
        }
    }

    /** One delivered file after reading: its outcome and, when its rows are to be loaded, where they are staged. */
    private record Read(Source source, FileOutcome outcome, String stagedFile) {}

    private Read read(Path inputDir, Path file, Map<Source, Map<String, Loaded>> known, BronzeStaging staging) {
        String relative = relativePath(inputDir, file);
        Source source = Source.forFile(relative).orElse(null);
        if (source == null) {
            return new Read(null, new FileOutcome(relative, null, FileOutcome.Status.IGNORED, 0, "keine Datei des Datenvertrags"), null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new Read(source, new FileOutcome(relative, null, FileOutcome.Status.REJECTED, 0,
                    CsvFileReader.unreadable(relative, e).message()), null);
        }
        Loaded previous = known.get(source).get(relative);
        String checksum = CsvFileReader.sha256(bytes);
        if (previous != null && previous.checksum().equals(checksum)) {
            // the same bytes as the loaded file: bronze holds its rows already, no need to parse it again
            return new Read(source, new FileOutcome(relative, checksum, FileOutcome.Status.UNCHANGED, previous.rows(),
                    encodingMessage(CsvFileReader.encodingOf(bytes))), null);
        }
        DeliveredFile delivered = source == Source.BOUNDARIES ? GeoJsonFileReader.parse(bytes, relative)
                : CsvFileReader.parse(bytes, relative, source, aliases);
        if (delivered instanceof DeliveredFile.Rejected rejected) {
            LOG.warn("rejected file {}: {}", relative, rejected.reason());
            return new Read(source, new FileOutcome(relative, rejected.checksum(), FileOutcome.Status.REJECTED, 0, rejected.message()), null);
        }
        DeliveredFile.Accepted accepted = (DeliveredFile.Accepted) delivered;
        FileOutcome.Status status = previous == null ? FileOutcome.Status.LOADED : FileOutcome.Status.REPLACED;
        return new Read(source, new FileOutcome(relative, accepted.checksum(), status, accepted.rows().size(),
                encodingMessage(accepted.encoding())), staging.stage(source, accepted));
    }

    private static String encodingMessage(String encoding) {
        return "windows-1252".equals(encoding) ? "als Windows-1252 erkannt und gelesen" : null;
    }

    /** A file's checksum and row count in bronze. */
    private record Loaded(String checksum, long rows) {}

    /** The path of a delivered file as bronze records it: relative to the input folder, with forward slashes. */
    public static String relativePath(Path inputDir, Path file) {
        return inputDir.relativize(file).toString().replace('\\', '/');
    }

    /**
     * The bronze rows of one file as in-memory rows (lineage columns, raw values in source column order, extra
     * columns): for frames built in tests; a run stages the same rows through {@link BronzeStaging}, and
     * TestBronzeStaging holds both equal.
     */
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

    /** Per source, the loaded files with their checksum and row count: one query over the sources' bronze tables. */
    private Map<Source, Map<String, Loaded>> checksumsByFile(java.util.Set<Source> sources) {
        Map<Source, Map<String, Loaded>> known = new java.util.EnumMap<>(Source.class);
        Dataset<Row> loaded = null;
        for (Source source : sources) {
            known.put(source, new HashMap<>());
            TableDef table = TableCatalog.bronze(source);
            if (warehouse.exists(table)) {
                Dataset<Row> files = warehouse.read(table).groupBy("_source_file", "_file_checksum").count()
                        .withColumn("source", functions.lit(source.name()));
                loaded = loaded == null ? files : loaded.unionByName(files);
            }
        }
        if (loaded != null) {
            for (Row row : loaded.select("source", "_source_file", "_file_checksum", "count").collectAsList()) {
                known.get(Source.valueOf(row.getString(0))).put(row.getString(1), new Loaded(row.getString(2), row.getLong(3)));
            }
        }
        return known;
    }

    /** The CSV files of the input folder that a run reads, sorted. */
    public static List<Path> deliveredFiles(Path inputDir) {
        if (!Files.isDirectory(inputDir)) {
            throw new UserException(ErrorCategory.INPUT, "Eingabeordner " + inputDir + " existiert nicht oder ist kein Ordner.");
        }
        try (Stream<Path> walk = Files.walk(inputDir)) {
            Set<String> skipped = Set.of(".git");
            return walk.filter(Files::isRegularFile)
                    .filter(path -> {
                        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                        return name.endsWith(".csv") || name.endsWith(".geojson");
                    })
                    .filter(path -> skipped.stream().noneMatch(s -> path.toString().contains("/" + s + "/")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserException(ErrorCategory.INPUT, "Eingabeordner " + inputDir + " kann nicht gelesen werden: " + e.getMessage(), e);
        }
    }
}
