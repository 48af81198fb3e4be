package de.integrationsmonitor.pipelines.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged bronze rows (JSON lines read by Spark) must equal the rows the reader produced, value for
 * value: text with separators, quotes, line breaks, umlauts and emoji, empty text versus a missing
 * column, extra columns and the field-count marker.
 */
class TestBronzeStaging {
    private static final Instant INGESTED = Instant.parse("2026-11-01T08:00:00Z");

    @TempDir
    Path warehouse;

    @Test
    void awkwardValuesSurviveStaging() {
        SparkSession spark = SharedSparkSession.get();
        String csv = "Workshop-ID;Wetter;Aussage;Bemerkung\n"
                + "W1;Sonne;\"Sprachcafé; \"\"offen\"\"\nfür alle 🌍\";intern\n"
                + "W1;;=SUMME(A1);\n"
                + "W2;Wind;\n";
        DeliveredFile.Accepted file = accepted(Source.STATEMENTS, "workshops/statements.csv", csv);

        List<Row> rows;
        try (BronzeStaging staging = new BronzeStaging(spark, warehouse.toString())) {
            String staged = staging.stage(Source.STATEMENTS, file);
            rows = staging.read(Source.STATEMENTS, List.of(staged), "run-1", INGESTED)
                    .orderBy("_source_line").collectAsList();
        }

        assertThat(rows).hasSize(3);
        Row first = rows.get(0);
        assertThat(first.<String>getAs("_source_file")).isEqualTo("workshops/statements.csv");
        assertThat(first.<Integer>getAs("_source_line")).isEqualTo(2);
        assertThat(first.<String>getAs("_run_id")).isEqualTo("run-1");
        assertThat(first.<java.sql.Timestamp>getAs("_ingested_at").toInstant()).isEqualTo(INGESTED);
        assertThat(first.<String>getAs("statement")).isEqualTo("Sprachcafé; \"offen\"\nfür alle 🌍");
        assertThat(first.<scala.collection.Map<String, String>>getAs("_extra_columns").get("Bemerkung").get()).isEqualTo("intern");
        Row second = rows.get(1);
        assertThat(second.<Integer>getAs("_source_line")).isEqualTo(4); // the first record spans lines 2 and 3
        assertThat(second.<String>getAs("weather")).isEmpty();
        assertThat(second.<String>getAs("statement")).isEqualTo("=SUMME(A1)");
        Row third = rows.get(2);
        assertThat(third.<String>getAs("statement")).isEmpty();
        assertThat(third.<scala.collection.Map<String, String>>getAs("_extra_columns").get(CsvFileReader.FIELD_COUNT_KEY).get())
                .isEqualTo("3/4");
        assertThat(warehouse.resolve("_staging")).as("staged files are removed on close").doesNotExist();
    }

    @Test
    void everyAcceptedCorpusFileStagesToTheRowsTheReaderProduced() throws IOException {
        SparkSession spark = SharedSparkSession.get();
        Path corpus = Path.of("src/test/resources/ingestion-corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        int compared = 0;
        try (BronzeStaging staging = new BronzeStaging(spark, warehouse.toString())) {
            for (Path path : files) {
                Path caseDir = corpus.resolve(corpus.relativize(path).getName(0));
                String relative = caseDir.relativize(path).toString().replace('\\', '/');
                Source source = Source.forFile(relative).orElse(null);
                if (source == null) {
                    continue;
                }
                DeliveredFile read = CsvFileReader.read(path, relative, source, Aliases.none());
                if (!(read instanceof DeliveredFile.Accepted file) || file.rows().isEmpty()) {
                    continue;
                }
                Dataset<Row> expected = spark.createDataFrame(BronzeIngestion.toRows(source, file, "run-1", INGESTED),
                        TableCatalog.bronze(source).schema());
                Dataset<Row> staged = staging.read(source, List.of(staging.stage(source, file)), "run-1", INGESTED);
                assertThat(sorted(staged)).as(path.toString()).isEqualTo(sorted(expected));
                compared++;
            }
        }
        assertThat(compared).as("accepted corpus files with rows").isGreaterThanOrEqualTo(20);
    }

    /** Rows as text (maps sorted by key), sorted, so that frames can be compared whole. */
    private static List<String> sorted(Dataset<Row> frame) {
        List<String> rows = new ArrayList<>();
        for (Row row : frame.collectAsList()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length(); i++) {
                Object value = row.get(i);
                if (value instanceof scala.collection.Map<?, ?> map) {
                    value = new java.util.TreeMap<>(scala.jdk.javaapi.CollectionConverters.asJava(map));
                }
                text.append(value).append('\u0001');
            }
            rows.add(text.toString());
        }
        rows.sort(null);
        return rows;
    }

    private static DeliveredFile.Accepted accepted(Source source, String relative, String csv) {
        DeliveredFile file = CsvFileReader.parse(csv.getBytes(StandardCharsets.UTF_8), relative, source, Aliases.none());
        assertThat(file).isInstanceOf(DeliveredFile.Accepted.class);
        return (DeliveredFile.Accepted) file;
    }
}
