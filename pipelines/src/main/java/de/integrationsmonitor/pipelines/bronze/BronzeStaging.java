package de.integrationsmonitor.pipelines.bronze;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The parsed rows of delivered files, staged as JSON lines beside the warehouse so that Spark reads
 * and converts them as a distributed scan. Handing millions of rows to Spark from the driver's memory
 * ({@code createDataFrame(List<Row>)}) converts them on one thread and holds them all at once: a
 * Land's 7.7 million rows took 13 minutes that way. Staged, the driver only parses and writes one
 * file at a time; conversion and the Delta write run on every core (and on a cluster's executors,
 * as the staging folder lies on the warehouse's file system).
 *
 * <p>Run-wide lineage ({@code _ingested_at}, {@code _run_id}) is added as literals when reading. The
 * folder {@code _staging} of the warehouse belongs to the running run (the warehouse lock makes it
 * the only one) and is removed when the run's bronze stage ends; leftovers of a killed run are removed
 * by the next run.
 */
public final class BronzeStaging implements AutoCloseable {
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** Lineage columns that are the same for every row of a run: not staged. */
    private static final Set<String> RUN_COLUMNS = Set.of("_ingested_at", "_run_id");

    private final SparkSession spark;
    private final Path folder;
    private final FileSystem fileSystem;
    private final java.util.concurrent.atomic.AtomicInteger staged = new java.util.concurrent.atomic.AtomicInteger();

    public BronzeStaging(SparkSession spark, String warehouseRoot) {
        this.spark = requireNonNull(spark, "spark is null");
        Path root = new Path(requireNonNull(warehouseRoot, "warehouseRoot is null"), "_staging");
        Configuration hadoop = spark.sessionState().newHadoopConf();
        try {
            this.fileSystem = root.getFileSystem(hadoop);
            fileSystem.delete(root, true); // a killed run's leftovers
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare staging folder " + root, e);
        }
        this.folder = root;
    }

    /** Writes one accepted file's rows to the staging folder; returns the staged file's path. */
    public String stage(Source source, DeliveredFile.Accepted file) {
        Path target = new Path(new Path(folder, source.name().toLowerCase(java.util.Locale.ROOT)), staged.incrementAndGet() + ".json");
        List<Source.Column> columns = source.columns();
        String period = source.periodOf(file.relativePath()).orElse(null);
        try (OutputStream out = fileSystem.create(target, true);
             JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (DeliveredFile.RawRow raw : file.rows()) {
                json.writeStartObject();
                json.writeStringField("_source_file", file.relativePath());
                json.writeNumberField("_source_line", raw.line());
                json.writeStringField("_file_checksum", file.checksum());
                json.writeStringField("_period", period);
                for (int i = 0; i < columns.size(); i++) {
                    json.writeStringField(columns.get(i).name(), raw.values().get(i));
                }
                json.writeObjectFieldStart("_extra_columns");
                for (Map.Entry<String, String> extra : raw.extras().entrySet()) {
                    json.writeStringField(extra.getKey(), extra.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + file.relativePath() + " at " + target, e);
        }
        return target.toString();
    }

    /** The staged files as bronze rows of {@code source}, in the bronze table's columns. */
    public Dataset<Row> read(Source source, List<String> stagedFiles, String runId, Instant ingestedAt) {
        StructType bronze = TableCatalog.bronze(source).schema();
        StructType staged = new StructType(Arrays.stream(bronze.fields())
                .filter(field -> !RUN_COLUMNS.contains(field.name()))
                .toArray(StructField[]::new));
        Dataset<Row> rows = spark.read().schema(staged).option("mode", "FAILFAST").json(stagedFiles.toArray(String[]::new));
        Column[] columns = Arrays.stream(bronze.fields())
                .map(field -> switch (field.name()) {
                    case "_ingested_at" -> functions.lit(Timestamp.from(ingestedAt)).as(field.name());
                    case "_run_id" -> functions.lit(runId).as(field.name());
                    default -> functions.col(field.name());
                })
                .toArray(Column[]::new);
        return rows.select(columns);
    }

    /** Removes the staged files (after their rows are committed to bronze). */
    @Override
    public void close() {
        try {
            fileSystem.delete(folder, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove staging folder " + folder, e);
        }
    }
}
