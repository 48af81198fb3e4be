package de.integrationsmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSampleDataGenerator {

    private static final long SEED = SampleDataGenerator.DEFAULT_SEED;

    @TempDir
    static Path sample;

    @BeforeAll
    static void generateSample() {
        SampleDataGenerator.generate(sample, SEED);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        SampleDataGenerator.generate(again, SEED);

        List<Path> files = relativeFiles(sample);
        assertThat(relativeFiles(again)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(sample.resolve(file)));
        }
    }

    @Test
    void generatesTheCommittedSampleDataByteForByte() throws IOException {
        Path committed = committedSampleData();

        List<Path> files = relativeFiles(committed);
        assertThat(relativeFiles(sample)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(sample.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(committed.resolve(file)));
        }
    }

    @Test
    void otherSeedGivesOtherOffers(@TempDir Path other) throws IOException {
        SampleDataGenerator.generate(other, SEED + 1);

        Path offers = Path.of("offers", "angebote_2026-10-01.csv");
        assertThat(Files.readAllBytes(other.resolve(offers))).isNotEqualTo(Files.readAllBytes(sample.resolve(offers)));
    }

    @Test
    void writesTheContractLayout() throws IOException {
        assertThat(relativeFiles(sample)).map(Path::toString).contains(
                "reference/org_units.csv", "reference/demand.csv", "offers/angebote_2025-11-03.csv", "offers/angebote_2026-03-02.csv",
                "offers/angebote_2026-07-01.csv", "offers/angebote_2026-10-01.csv", "workshops/workshops.csv",
                "workshops/statements.csv", "model-projects/projects.csv", "model-projects/indicators.csv", "model-projects/values.csv",
                "model-projects/case_events.csv");
    }

    @Test
    void latestOffersSnapshotHasAboutFiveHundredRows() throws IOException {
        List<String> lines = lines("offers/angebote_2026-10-01.csv");

        assertThat(lines.get(0)).isEqualTo("Angebots-ID;Stadt;Stadtteil;Name des Angebots;Kategorie;Sprache(n) des Angebots;"
                + "Zielgruppe - Geschlecht;Zielgruppe - Migrationshintergrund;Zielgruppe - Altersgruppe;Anbieter;Veranstaltungsort;"
                + "Adresse des Veranstaltungsorts;Ansprechpartner;Telefon;E-Mail;Homepage;Plätze;Beginn;Ende");
        assertThat(lines.size() - 1).isBetween(450, 550);
    }

    @Test
    void kreisRecklinghausenHasTenGemeinden() throws IOException {
        long gemeinden = lines("reference/org_units.csv").stream()
                .map(line -> line.split(";", -1))
                .filter(fields -> fields[2].equals("gemeinde") && fields[3].equals("05562"))
                .count();

        assertThat(gemeinden).isEqualTo(10);
    }

    @Test
    void unitsCarryTheirRealCentresAndTheBoundariesAreSchematicCellsAroundThem() throws IOException {
        assertThat(lines("reference/org_units.csv")).contains(
                "05562032;Recklinghausen;gemeinde;05562;111400;18381;2005;51.614;7.197",
                "05562032-suderwich;Suderwich;stadtteil;05562032;11500;1035;104;51.615;7.258",
                "05913000;Dortmund;gemeinde;05913;600000;129000;12000;51.514;7.466",
                "05562;Kreis Recklinghausen;kreis;055;616900;88577;9344;;");
        String boundaries = Files.readString(sample.resolve("reference/boundaries.geojson"));
        // the ten Gemeinden by AGS and the nine Stadtteile by org_unit_id
        assertThat(boundaries.split("\"type\": \"Feature\"", -1)).hasSize(1 + 19);
        assertThat(boundaries).contains("{\"AGS\": \"05562032\", \"GEN\": \"Recklinghausen\"}")
                .contains("{\"org_unit_id\": \"05562032-suderwich\", \"GEN\": \"Suderwich\"}")
                .startsWith("{\"type\": \"FeatureCollection\"");
        assertThat(Files.readString(sample.resolve("README.md"))).contains("are schematic, not the real borders");
    }

    @Test
    void readmeSaysThatCaseEventsArePseudonymousAndFictitious() throws IOException {
        assertThat(Files.readString(sample.resolve("README.md")))
                .contains("Case events (`model-projects/case_events.csv`) are pseudonymous and fictitious")
                .contains("except in EGN-01 and EGN-12")
                .contains("| `model-projects/case_events.csv` | 3272 |");
    }

    @Test
    void participationHasOneFilePerMonth() throws IOException {
        try (Stream<Path> files = Files.list(sample.resolve("participation"))) {
            assertThat(files.map(file -> file.getFileName().toString()).sorted().toList()).hasSize(12)
                    .startsWith("teilnahmen_2025-11.csv").endsWith("teilnahmen_2026-10.csv");
        }
    }

    @Test
    void filesAreUtf8WithoutBomWithLineFeedsOnly() throws IOException {
        byte[] orgUnits = Files.readAllBytes(sample.resolve("reference/org_units.csv"));

        assertThat(orgUnits[0]).isEqualTo((byte) 'o');
        assertThat(new String(orgUnits, StandardCharsets.UTF_8)).contains("Düsseldorf").doesNotContain("\r");
    }

    /** sample-data/ of the project, seen from the module folder (Maven) or the project folder. */
    private static Path committedSampleData() {
        Path here = Path.of("").toAbsolutePath();
        Path inHere = here.resolve("sample-data");
        return Files.isDirectory(inHere) ? inHere : here.getParent().resolve("sample-data");
    }

    private static List<String> lines(String relativePath) throws IOException {
        return Files.readAllLines(sample.resolve(relativePath), StandardCharsets.UTF_8);
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
