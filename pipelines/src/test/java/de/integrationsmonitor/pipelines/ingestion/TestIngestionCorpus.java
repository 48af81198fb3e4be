package de.integrationsmonitor.pipelines.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import de.integrationsmonitor.pipelines.bronze.DeliveredFile;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.silver.SilverRefinement;
import de.integrationsmonitor.pipelines.testing.Bronze;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every case of src/test/resources/ingestion-corpus through the real reader and refinement and
 * compares the outcome with expected.csv: a file refused as a whole, or the rows accepted and the
 * quarantine reason of every rejected line. Lookups: the org units of {@link Fixtures#orgUnits()},
 * offers RE-1 (Castrop-Rauxel) and RE-2 (Marl), workshop W1, project P1 with monthly indicator I1;
 * files delivered on 2026-11-01.
 */
class TestIngestionCorpus {
    private static final Path CORPUS = Path.of("src/test/resources/ingestion-corpus");
    private static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");

    private static SparkSession spark;
    private static SilverRefinement refinement;
    private static Dataset<Row> offers;
    private static Dataset<Row> workshops;
    private static Dataset<Row> projects;
    private static Dataset<Row> indicators;

    @BeforeAll
    static void lookups() {
        spark = SharedSparkSession.get();
        refinement = new SilverRefinement(spark, Fixtures.vocabularies());
        offers = refinement.offers(Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-09-01.csv",
                "Angebots-ID;Stadt;Name des Angebots;Kategorie\nRE-1;Castrop-Rauxel;Sprachcafé;Begegnung\nRE-2;Marl;Kochtreff;Begegnung\n"),
                Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_OFFERS).cache();
        workshops = refinement.workshops(Bronze.frame(spark, Source.WORKSHOPS, "workshops/workshops.csv",
                "Workshop-ID;Titel;Handlungsfeld;Datum;Stadt\nW1;Wohnen;Wohnen;10.01.2017;Marl\n"),
                Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_WORKSHOPS).cache();
        projects = refinement.projects(Bronze.frame(spark, Source.PROJECTS, "model-projects/projects.csv",
                "Projekt-ID;Programm;Org-Einheit;Titel\nP1;Einwanderung gestalten NRW;Köln;Kursbeginn binnen 8 Wochen\n"),
                Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_PROJECTS).cache();
        indicators = refinement.indicators(Bronze.frame(spark, Source.INDICATORS, "model-projects/indicators.csv",
                "Indikator-ID;Name;Einheit;Richtung;Zielwert;Basiswert;Periodentyp\nI1;Kursbeginn;Anteil;höher ist besser;0,9;0,5;Monat\n"))
                .tables().get(TableCatalog.SILVER_INDICATORS).cache();
    }

    /** One delivered file of a case; {@code message} is the expected file-level message of a refused file, if given. */
    record Case(String name, String file, String outcome, String message) {
        Case(String name, String file, String outcome) {
            this(name, file, outcome, "");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseHasItsExpectedOutcome() throws IOException {
        return expectedCases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " " + c.file(), () -> {
            assertThat(outcome(CORPUS, c)).isEqualTo(c.outcome());
            if (!c.message().isEmpty()) {
                assertThat(((DeliveredFile.Rejected) read(CORPUS, c)).message()).isEqualTo(c.message());
            }
        }));
    }

    /**
     * Hostile files too big or too random to commit: generated into a temporary input folder and run
     * exactly like the committed cases.
     */
    @Test
    void generatedHostileFilesHaveTheirExpectedOutcome(@TempDir Path input) throws IOException {
        byte[] random = new byte[4096];
        new Random(20261101L).nextBytes(random);
        Case randomBytes = write(input, new Case("random_bytes", "participation/teilnahmen_2026-10.csv",
                "rejected binary_content"), random);
        assertThat(outcome(input, randomBytes)).isEqualTo(randomBytes.outcome());

        String tenMegabytes = "Sprachkurs am Abend; bitte mehr davon! ".repeat(10 * 1024 * 1024 / 39);
        Case longLine = write(input, new Case("line_10mb", "workshops/statements.csv", "accepted 2"),
                ("Workshop-ID;Wetter;Aussage\nW1;Wind;\"" + tenMegabytes + "\"\nW1;Sonne;kurz\n").getBytes(StandardCharsets.UTF_8));
        assertThat(outcome(input, longLine)).isEqualTo(longLine.outcome());
        assertThat(((DeliveredFile.Accepted) read(input, longLine)).rows().get(0).values().get(2)).isEqualTo(tenMegabytes);

        Case longHeader = write(input, new Case("header_10mb", "participation/teilnahmen_2026-10.csv",
                "rejected missing_column"), ("Angebots-ID;Datum;" + "x".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8));
        assertThat(outcome(input, longHeader)).isEqualTo(longHeader.outcome());
        assertThat(((DeliveredFile.Rejected) read(input, longHeader)).message())
                .startsWith("Datei participation/teilnahmen_2026-10.csv, Zeile 1: Pflichtspalte(n) fehlen: Teilnehmende.")
                .hasSizeLessThan(500);
    }

    private static Case write(Path input, Case c, byte[] content) throws IOException {
        Path file = input.resolve(c.name()).resolve(c.file());
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return c;
    }

    @Test
    void everyCaseFolderIsListed() throws IOException {
        List<String> listed = expectedCases().stream().map(Case::name).distinct().sorted().toList();
        try (Stream<Path> folders = Files.list(CORPUS)) {
            assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(listed);
        }
    }

    @Test
    void valuesAreKeptExactlyAsDelivered() {
        DeliveredFile.Accepted formula = (DeliveredFile.Accepted) read(new Case("formula_text", "workshops/statements.csv", null));
        assertThat(formula.rows().get(0).values().get(2)).isEqualTo("=HYPERLINK(\"http://example.org\",\"klick\")");
        DeliveredFile.Accepted large = (DeliveredFile.Accepted) read(new Case("field_100kb", "workshops/statements.csv", null));
        assertThat(large.rows().get(0).values().get(2)).hasSize(100_000).startsWith("Viele Neuzugewanderte wünschen");
        DeliveredFile.Accepted cp1252 = (DeliveredFile.Accepted) read(new Case("windows_1252", "offers/angebote_2026-10-01.csv", null));
        assertThat(cp1252.encoding()).isEqualTo("windows-1252");
        assertThat(cp1252.rows().get(0).values().get(3)).isEqualTo("Begegnungscafé für Frauen");
        DeliveredFile.Accepted extra = (DeliveredFile.Accepted) read(new Case("unknown_extra_column", "participation/teilnahmen_2026-10.csv", null));
        assertThat(extra.rows().get(0).extras()).containsEntry("Bemerkung", "gut besucht");
        DeliveredFile.Accepted stray = (DeliveredFile.Accepted) read(new Case("stray_quote_in_field", "workshops/statements.csv", null));
        assertThat(stray.rows()).extracting(r -> r.values().get(2))
                .containsExactly("Kurs \"Deutsch am Abend", "Bildschirm mit 24\" für den Kursraum");
        DeliveredFile.Accepted wide = (DeliveredFile.Accepted) read(new Case("thousand_columns", "participation/teilnahmen_2026-10.csv", null));
        assertThat(wide.extraColumns()).hasSize(991).startsWith("Zusatz 10").endsWith("Zusatz 1000");
        assertThat(wide.rows().get(0).extras()).hasSize(991).containsEntry("Zusatz 1000", "1000");
    }

    /** Emoji, right-to-left text and bidi control characters reach silver byte for byte. */
    @Test
    void offerNamesInAnyScriptReachSilverByteExact() throws IOException {
        List<String> delivered = Files.readAllLines(CORPUS.resolve("emoji_rtl_names/offers/angebote_2026-10-01.csv"),
                StandardCharsets.UTF_8).stream().skip(1).map(line -> line.split(";", -1)[3]).toList();
        assertThat(delivered).hasSize(4).contains("مقهى اللغة العربية");
        List<String> silver = silverOffers(new Case("emoji_rtl_names", "offers/angebote_2026-10-01.csv", null))
                .orderBy("source_line").select("offer_name").collectAsList().stream().map(r -> r.getString(0)).toList();
        assertThat(silver).hasSize(delivered.size());
        for (int i = 0; i < delivered.size(); i++) {
            assertThat(silver.get(i).getBytes(StandardCharsets.UTF_8)).isEqualTo(delivered.get(i).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Ids that look like paths are opaque strings: kept verbatim in silver (no code builds a path from
     * an id), and an event naming such an id only matches an offer with exactly that id.
     */
    @Test
    void pathLikeIdsAreKeptAsOpaqueIds() {
        List<String> ids = silverOffers(new Case("path_like_ids", "offers/angebote_2026-10-01.csv", null))
                .orderBy("source_line").select("offer_id").collectAsList().stream().map(r -> r.getString(0)).toList();
        assertThat(ids).containsExactly("../../etc/passwd", "..\\..\\Windows\\win.ini", "/var/lib/x", "RE-1%2F..%2F");
    }

    private static Dataset<Row> silverOffers(Case c) {
        Dataset<Row> bronze = spark.createDataFrame(BronzeIngestion.toRows(Source.OFFERS, (DeliveredFile.Accepted) read(c), "corpus",
                DELIVERED), TableCatalog.bronze(Source.OFFERS).schema());
        return refinement.offers(bronze, Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_OFFERS);
    }

    private static DeliveredFile read(Case c) {
        return read(CORPUS, c);
    }

    private static DeliveredFile read(Path root, Case c) {
        Source source = Source.forFile(c.file()).orElseThrow();
        return CsvFileReader.read(root.resolve(c.name()).resolve(c.file()), c.file(), source, Fixtures.aliases());
    }

    private static String outcome(Path root, Case c) {
        DeliveredFile file = read(root, c);
        if (file instanceof DeliveredFile.Rejected rejected) {
            return "rejected " + rejected.reason();
        }
        Source source = Source.forFile(c.file()).orElseThrow();
        Dataset<Row> bronze = spark.createDataFrame(
                BronzeIngestion.toRows(source, (DeliveredFile.Accepted) file, "corpus", DELIVERED), TableCatalog.bronze(source).schema());
        SilverRefinement.Refined refined = switch (source) {
            case PARTICIPATION -> refinement.events(bronze, offers, Fixtures.orgUnits());
            case OFFERS -> refinement.offers(bronze, Fixtures.orgUnits());
            case WORKSHOPS -> refinement.workshops(bronze, Fixtures.orgUnits());
            case STATEMENTS -> refinement.statements(bronze, workshops);
            case INDICATOR_VALUES -> refinement.indicatorValues(bronze, projects, indicators);
            default -> throw new IllegalArgumentException("no corpus lookups for " + source);
        };
        long accepted = refined.tables().values().iterator().next().count();
        String quarantined = refined.rejected().orderBy("source_line").collectAsList().stream()
                .map(r -> " | " + r.getAs("source_line") + ":" + r.getAs("reason")).collect(Collectors.joining());
        return "accepted " + accepted + quarantined;
    }

    private static List<Case> expectedCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord record : format.parse(reader)) {
                String message = record.isSet("message") ? record.get("message") : "";
                cases.add(new Case(record.get("case"), record.get("file"), record.get("outcome"), message));
            }
        }
        return cases;
    }
}
