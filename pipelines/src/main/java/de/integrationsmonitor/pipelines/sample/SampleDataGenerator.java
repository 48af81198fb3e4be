package de.integrationsmonitor.pipelines.sample;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the bundled sample-data/ input folder (see data-contract.md) from a seed, using only
 * the JDK: Kreis Recklinghausen with its ten Gemeinden, four offers snapshots, twelve months of
 * participation, the Klimakonferenz workshops and the model projects of "Einwanderung gestalten
 * NRW", as of autumn 2026. The same seed gives byte-identical files. A handful of rows are
 * deliberate faults; sample-data/README.md lists each with file, line and expected reason code.
 *
 * <p>Usage: {@code SampleDataGenerator [outputDir] [seed]}, defaults {@code sample-data} and
 * {@value #DEFAULT_SEED}.
 */
public final class SampleDataGenerator {

    public static final String DEFAULT_OUTPUT_DIR = "sample-data";
    public static final long DEFAULT_SEED = 20261122L;

    private SampleDataGenerator() {}

    public static void main(String[] args) {
        if (args.length > 2 || (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h")))) {
            System.err.println("Usage: SampleDataGenerator [outputDir] [seed]   (defaults: "
                    + DEFAULT_OUTPUT_DIR + " " + DEFAULT_SEED + ")");
            System.exit(args.length > 2 ? 2 : 0);
        }
        Path outputDir = Path.of(args.length > 0 ? args[0] : DEFAULT_OUTPUT_DIR);
        long seed;
        try {
            seed = args.length > 1 ? Long.parseLong(args[1].trim()) : DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("The seed must be a whole number, got: " + args[1]);
            System.exit(2);
            return;
        }
        generate(outputDir, seed);
        System.out.println("Sample data (seed " + seed + ") written to " + outputDir.toAbsolutePath());
    }

    /** Writes the full input folder layout of the data contract into {@code outputDir} (created if missing). */
    public static void generate(Path outputDir, long seed) {
        generate(outputDir, seed, Scale.SAMPLE);
    }

    /** Generates data of the given scale; only {@link Scale#SAMPLE} exists so far. */
    static void generate(Path outputDir, long seed, Scale scale) {
        requireNonNull(outputDir, "outputDir is null");
        requireNonNull(scale, "scale is null");
        Geography geography = Geography.sample();
        Timeline timeline = Timeline.SAMPLE;

        OfferHistory history = OfferGenerator.generate(geography, scale, timeline, seed);
        OfferFaultPlan offerFaults = OfferFaultPlan.choose(history, seed);
        history = history.withFaultyIds(offerFaults.faultsById().keySet());

        List<CsvFile> files = new ArrayList<>();
        files.add(OrgUnitGenerator.generate(geography));
        files.add(DemandGenerator.generate(geography, seed));
        files.addAll(OfferFileWriter.write(history, offerFaults, seed));
        files.addAll(ParticipationGenerator.generate(history, geography, scale, timeline, seed));
        files.addAll(WorkshopGenerator.generate(seed));
        files.addAll(ModelProjectGenerator.generate(geography, seed));

        Manifest manifest = new Manifest(seed, scale);
        try {
            for (CsvFile file : files) {
                file.write(outputDir, manifest);
            }
            manifest.writeReadme(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data to " + outputDir + ": " + e.getMessage(), e);
        }
    }
}
