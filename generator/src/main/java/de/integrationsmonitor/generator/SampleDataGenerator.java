package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates an input folder (see data-contract.md) from a seed, using only the JDK. {@link Scale#S}
 * is the bundled sample-data/: Kreis Recklinghausen with its ten Gemeinden, four offers
 * snapshots, twelve months of participation, the Klimakonferenz workshops and the model projects
 * of "Einwanderung gestalten NRW" with their pseudonymous case events, as of autumn 2026.
 * {@link Scale#M} (all of NRW) and {@link Scale#L} (Germany-sized) are written as a stream, month
 * by month, and can be generated in parts. The same seed gives byte-identical files. A handful of rows are deliberate faults;
 * the generated README.md lists each with file, line and expected reason code.
 *
 * <p>Usage: {@code SampleDataGenerator [outputDir] [seed]}, defaults {@code sample-data} and
 * {@value #DEFAULT_SEED}.
 */
public final class SampleDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataGenerator.class);

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

    /** Writes the bundled sample ({@link Scale#S}) into {@code outputDir} (created if missing). */
    public static void generate(Path outputDir, long seed) {
        generate(outputDir, seed, Scale.S);
    }

    /**
     * Writes the full input folder layout of the data contract at the given scale into
     * {@code outputDir} (created if missing; files of the same name are replaced) and logs the
     * wall time. The same seed and scale give byte-identical files.
     */
    public static GenerationSummary generate(Path outputDir, long seed, Scale scale) {
        return generate(outputDir, seed, scale, 1, 0);
    }

    /**
     * Writes part {@code part} (1 to {@code parts}) of a data set split into {@code parts} parts,
     * or with {@code part} 0 all parts, concurrently on this machine's cores. A part holds whole
     * months (see {@link ScaledGenerator}); the parts of one seed and scale together are exactly
     * the files of a run without parts. A single part writes README_teil-K-von-N.md instead of
     * README.md. Only {@link Scale#M} and {@link Scale#L} can be split.
     */
    public static GenerationSummary generate(Path outputDir, long seed, Scale scale, int parts, int part) {
        requireNonNull(outputDir, "outputDir is null");
        requireNonNull(scale, "scale is null");
        checkParts(scale, parts, part);
        long start = System.nanoTime();
        Manifest manifest;
        try {
            if (scale.region() == Scale.Region.SAMPLE) {
                manifest = generateSample(outputDir, seed, scale);
            } else if (part > 0 || parts == 1) {
                manifest = new Manifest(seed, scale, parts, part);
                ScaledGenerator.generatePart(outputDir, seed, scale, parts, Math.max(1, part), manifest);
            } else {
                manifest = Manifest.merge(seed, scale, parts, generateAllParts(outputDir, seed, scale, parts));
            }
            manifest.writeReadme(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data to " + outputDir + ": " + e.getMessage(), e);
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        GenerationSummary summary = new GenerationSummary(outputDir, scale.name(), seed, parts, part, manifest.files().size(),
                manifest.dataRows(), bytes(outputDir, manifest), wallTime);
        LOG.info("generated scale {} (seed {}, part {} of {}) into {}: {} rows in {} files, {} bytes, {} ms ({} rows/s)",
                scale.name(), seed, part == 0 ? "all" : part, parts, outputDir, summary.rows(), summary.files(), summary.bytes(),
                wallTime.toMillis(), Math.round(summary.rowsPerSecond()));
        return summary;
    }

    private static void checkParts(Scale scale, int parts, int part) {
        if (parts < 1) {
            throw new UserException(ErrorCategory.USAGE, "Die Zahl der Teile muss mindestens 1 sein, nicht " + parts + ".");
        }
        if (part < 0 || part > parts) {
            throw new UserException(ErrorCategory.USAGE, "Teil " + part + " gibt es nicht: erlaubt sind 1 bis " + parts + " (oder kein Teil für alle Teile).");
        }
        if (scale.region() == Scale.Region.SAMPLE && parts > 1) {
            throw new UserException(ErrorCategory.USAGE, "Die Beispieldaten (Umfang S) werden nicht in Teilen erzeugt; Teile gibt es für die Umfänge M und L.");
        }
        if (parts > scale.months()) {
            throw new UserException(ErrorCategory.USAGE, "Höchstens " + scale.months() + " Teile: jeder Teil erzeugt ganze Monate, und es gibt "
                    + scale.months() + " Monate.");
        }
    }

    /** Generates every part on its own thread (as many at once as the machine has cores) and returns their manifests in part order. */
    private static List<Manifest> generateAllParts(Path outputDir, long seed, Scale scale, int parts) {
        int threads = Math.min(parts, Runtime.getRuntime().availableProcessors());
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Manifest>> futures = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                int current = part;
                futures.add(executor.submit(() -> {
                    Manifest manifest = new Manifest(seed, scale, parts, current);
                    ScaledGenerator.generatePart(outputDir, seed, scale, parts, current, manifest);
                    return manifest;
                }));
            }
            List<Manifest> manifests = new ArrayList<>();
            for (Future<Manifest> future : futures) {
                manifests.add(future.get());
            }
            return manifests;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating " + outputDir, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("generating a part failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** The bundled sample: small enough to build every file in memory first. */
    private static Manifest generateSample(Path outputDir, long seed, Scale scale) throws IOException {
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
        files.add(CaseEventGenerator.generate(scale, seed));

        Manifest manifest = new Manifest(seed, scale);
        for (CsvFile file : files) {
            file.write(outputDir, manifest);
        }
        BoundaryGenerator.write(geography, outputDir, manifest);
        return manifest;
    }

    private static long bytes(Path outputDir, Manifest manifest) {
        long bytes = 0;
        for (Manifest.WrittenFile file : manifest.files()) {
            try {
                bytes += Files.size(outputDir.resolve(file.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + file.path() + ": " + e.getMessage(), e);
            }
        }
        return bytes;
    }
}
