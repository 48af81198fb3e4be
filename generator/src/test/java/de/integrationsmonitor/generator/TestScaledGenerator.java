package de.integrationsmonitor.generator;

import static de.integrationsmonitor.pipelines.testing.UserErrors.categoryOf;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming generator of the larger scales on a tiny NRW scale: 14 months, 450 offers. */
class TestScaledGenerator {

    private static final Scale TINY = new Scale("tiny", Scale.Region.NRW, 14, 400, 450, 15, 10, 55, 1_500, 30);
    private static final long SEED = 7;

    @TempDir
    static Path whole;

    static GenerationSummary summary;

    @BeforeAll
    static void generate() {
        summary = SampleDataGenerator.generate(whole, SEED, TINY);
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException {
        SampleDataGenerator.generate(again, SEED, TINY);

        assertSameFiles(again, whole);
    }

    @Test
    void otherSeedGivesOtherParticipation(@TempDir Path other) throws IOException {
        SampleDataGenerator.generate(other, SEED + 1, TINY);

        Path file = Path.of("participation", "teilnahmen_2026-10.csv");
        assertThat(Files.readAllBytes(other.resolve(file))).isNotEqualTo(Files.readAllBytes(whole.resolve(file)));
    }

    @Test
    void allPartsTogetherAreTheFilesOfOneRun(@TempDir Path inParts) throws IOException {
        SampleDataGenerator.generate(inParts, SEED, TINY, 3, 0);

        assertSameFiles(inParts, whole);
    }

    @Test
    void onePartWritesEveryThirdMonthAndItsOwnReadme(@TempDir Path part) throws IOException {
        GenerationSummary second = SampleDataGenerator.generate(part, SEED, TINY, 3, 2);

        List<Path> files = relativeFiles(part);
        assertThat(files).map(Path::toString).containsExactly("README_teil-2-von-3.md",
                "offers/angebote_2025-10-01.csv", "offers/angebote_2026-01-01.csv", "offers/angebote_2026-04-01.csv",
                "offers/angebote_2026-07-01.csv", "offers/angebote_2026-10-01.csv",
                "participation/teilnahmen_2025-10.csv", "participation/teilnahmen_2026-01.csv", "participation/teilnahmen_2026-04.csv",
                "participation/teilnahmen_2026-07.csv", "participation/teilnahmen_2026-10.csv");
        for (Path file : files.subList(1, files.size())) {
            assertThat(Files.readAllBytes(part.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(whole.resolve(file)));
        }
        assertThat(second.files()).isEqualTo(10);
        assertThat(Files.readString(part.resolve("README_teil-2-von-3.md")))
                .contains("This is part 2 of 3: the offers snapshots and participation files of months 2, 5, 8, 11, 14 of 14.")
                .doesNotContain("workshop and model-project files are dated");
    }

    @Test
    void theFirstPartSaysThatItsWorkshopAndModelProjectFilesSpanTheWholePeriod(@TempDir Path part) throws IOException {
        SampleDataGenerator.generate(part, SEED, TINY, 3, 1);

        assertThat(part.resolve("workshops")).isDirectory();
        assertThat(Files.readString(part.resolve("README_teil-1-von-3.md")))
                .contains("plus the reference, workshop and model-project files.")
                .contains("The workshop and model-project files are dated over all 14 months, so a run of this part alone covers "
                        + "every month up to the latest of those dates")
                .contains("to load one month only, leave workshops/ and model-projects/ out.");
    }

    @Test
    void writesOneOffersSnapshotAndOneParticipationFilePerMonth() throws IOException {
        List<String> files = relativeFiles(whole).stream().map(Path::toString).toList();

        assertThat(files.stream().filter(file -> file.startsWith("offers/"))).hasSize(14)
                .startsWith("offers/angebote_2025-09-01.csv").endsWith("offers/angebote_2026-10-01.csv");
        assertThat(files.stream().filter(file -> file.startsWith("participation/"))).hasSize(14)
                .startsWith("participation/teilnahmen_2025-09.csv").endsWith("participation/teilnahmen_2026-10.csv");
        assertThat(files).contains("README.md", "reference/org_units.csv", "reference/demand.csv", "workshops/workshops.csv",
                "model-projects/values.csv", "model-projects/case_events.csv");
        assertThat(lines("reference/org_units.csv")).hasSize(1 + 1 + 5 + 53 + 396 + 9);
    }

    @Test
    void everyGemeindeHasACentreInNrwRealWhereKnown() throws IOException {
        List<String[]> gemeinden = lines("reference/org_units.csv").stream().map(line -> line.split(";", -1))
                .filter(fields -> fields[2].equals("gemeinde")).toList();
        assertThat(gemeinden).hasSize(396).allSatisfy(fields -> {
            assertThat(Double.parseDouble(fields[7])).as(fields[1]).isBetween(50.3, 52.6);
            assertThat(Double.parseDouble(fields[8])).as(fields[1]).isBetween(5.8, 9.5);
        });
        assertThat(gemeinden.stream().filter(f -> f[0].equals("05562036")).findFirst().orElseThrow())
                .endsWith("51.623", "7.401"); // Waltrop: a real centre
        assertThat(String.join("\n", lines("README.md"))).contains("for every other Gemeinde of NRW synthetic");
    }

    @Test
    void snapshotsGrowToTheScalesOfferCountPlusTheDuplicateRow() throws IOException {
        assertThat(lines("offers/angebote_2025-09-01.csv")).hasSize(1 + 400);
        assertThat(lines("offers/angebote_2026-10-01.csv")).hasSize(1 + 450 + 1);
    }

    @Test
    void summaryCountsTheFilesAndRowsWritten() throws IOException {
        long rows = 0;
        for (Path file : relativeFiles(whole)) {
            if (file.toString().endsWith(".csv")) {
                rows += Files.readAllLines(whole.resolve(file), StandardCharsets.UTF_8).size() - 1;
            }
        }
        assertThat(summary.files()).isEqualTo(2 + 14 + 14 + 2 + 4);
        assertThat(summary.rows()).isEqualTo(rows);
        assertThat(summary.wallTime()).isPositive();
    }

    @Test
    void everyParticipationOfferIdIsInSomeSnapshotExceptTheDeliberateUnknownOne() throws IOException {
        Set<String> offerIds = new HashSet<>();
        Set<String> referenced = new HashSet<>();
        for (Path file : relativeFiles(whole)) {
            if (file.startsWith("offers")) {
                lines(file.toString()).stream().skip(1).forEach(line -> offerIds.add(line.substring(0, line.indexOf(';'))));
            } else if (file.startsWith("participation")) {
                lines(file.toString()).stream().skip(1).map(line -> line.substring(0, line.indexOf(';')))
                        .filter(id -> !id.isEmpty()).forEach(referenced::add);
            }
        }
        referenced.removeAll(offerIds);

        assertThat(referenced).containsExactly(ScaledParticipation.UNKNOWN_OFFER_ID);
    }

    @Test
    void everyNotedFaultIsAtItsLine() throws IOException {
        List<String> readme = lines("README.md");
        List<String> faults = readme.subList(readme.indexOf("## Deliberate faults (expected in silver.quarantine)"),
                readme.indexOf("## Valid edge cases (must be accepted)")).stream().filter(line -> line.startsWith("| `")).toList();

        assertThat(faults).hasSize(1 + 2 * 6 + 13 + 2 + 2 + 6);
        for (String fault : faults) {
            String[] cells = fault.split(" \\| ");
            String file = cells[0].substring(3, cells[0].length() - 1);
            int line = Integer.parseInt(cells[1]);
            String value = cells[4].equals("(empty)") ? "" : cells[4].substring(1, cells[4].length() - 1);
            assertThat(lines(file).get(line - 1)).as(fault).contains(value);
        }
    }

    @Test
    void tooManyPartsIsAUserError(@TempDir Path dir) {
        assertThat(categoryOf(() -> SampleDataGenerator.generate(dir, SEED, TINY, 15, 0))).isEqualTo(ErrorCategory.USAGE);
        assertThat(categoryOf(() -> SampleDataGenerator.generate(dir, SEED, TINY, 3, 4))).isEqualTo(ErrorCategory.USAGE);
    }

    @Test
    void theSampleIsNotSplit(@TempDir Path dir) {
        assertThat(categoryOf(() -> SampleDataGenerator.generate(dir, SEED, Scale.S, 2, 0))).isEqualTo(ErrorCategory.USAGE);
    }

    private static void assertSameFiles(Path actual, Path expected) throws IOException {
        List<Path> files = relativeFiles(expected);
        assertThat(relativeFiles(actual)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString()).isEqualTo(Files.readAllBytes(expected.resolve(file)));
        }
    }

    private static List<String> lines(String relativePath) throws IOException {
        return Files.readAllLines(whole.resolve(relativePath), StandardCharsets.UTF_8);
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
