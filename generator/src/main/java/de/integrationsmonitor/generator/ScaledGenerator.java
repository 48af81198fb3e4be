package de.integrationsmonitor.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes the larger scales ({@link Scale#M}, {@link Scale#L}) as a stream: reference data, then
 * month by month the offers snapshot and the participation file, holding only the offers state
 * (see {@link OfferStream}) and never a file's rows.
 *
 * <p>Generated in parts, part {@code k} of {@code n} writes the snapshots and participation files
 * of months {@code k}, {@code k + n}, {@code k + 2n}, ... (1-based), and part 1 also the reference,
 * workshop and model-project files. Every part simulates the offers history from the start (cheap
 * compared with the participation rows), and every month has its own random streams, so a file's
 * content does not depend on the number of parts: the parts together are byte for byte the files
 * of one run, and the file names stay those of the data contract.
 */
final class ScaledGenerator {

    private ScaledGenerator() {}

    /** Writes part {@code part} (1-based) of {@code parts} into {@code outputDir}, recording every file in {@code manifest}. */
    static void generatePart(Path outputDir, long seed, Scale scale, int parts, int part, Manifest manifest) {
        Geography geography = Geography.of(scale.region());
        Timeline timeline = Timeline.monthly(scale.months());
        if (part == 1) {
            writeReferenceAndSmallFiles(outputDir, seed, scale, geography, manifest);
        }
        List<YearMonth> months = timeline.months();
        int last = -1;
        for (int index = 0; index < months.size(); index++) {
            if (owns(index, parts, part)) {
                last = index;
            }
        }
        if (last < 0) {
            return;
        }
        OfferStream offers = new OfferStream(geography, scale, timeline, seed);
        ScaledParticipation participation = new ScaledParticipation(geography, scale, seed);
        for (int index = 0; ; index++) {
            if (owns(index, parts, part)) {
                OfferStream.Snapshot snapshot = offers.current();
                try (CsvWriter file = CsvWriter.open(outputDir, OfferFileWriter.path(snapshot.date()), OfferFileWriter.HEADER, manifest)) {
                    OfferFileWriter.writeSnapshot(file, snapshot.offers(), snapshot.faults(), new Rand(seed, "offer-files-" + snapshot.date()));
                }
                YearMonth month = months.get(index);
                try (CsvWriter file = CsvWriter.open(outputDir, ScaledParticipation.path(month), ParticipationGenerator.HEADER, manifest)) {
                    participation.writeMonth(file, index, month, offers);
                }
            }
            if (index == last) {
                break;
            }
            offers.advance();
        }
    }

    /** Whether part {@code part} of {@code parts} writes month {@code index}. */
    static boolean owns(int index, int parts, int part) {
        return index % parts == part - 1;
    }

    private static void writeReferenceAndSmallFiles(Path outputDir, long seed, Scale scale, Geography geography, Manifest manifest) {
        try {
            OrgUnitGenerator.generate(geography).write(outputDir, manifest);
            try (CsvWriter demand = CsvWriter.open(outputDir, DemandGenerator.PATH, DemandGenerator.HEADER, manifest)) {
                DemandGenerator.generate(geography, seed, demand);
            }
            for (CsvFile file : WorkshopGenerator.generate(seed)) {
                file.write(outputDir, manifest);
            }
            for (CsvFile file : ModelProjectGenerator.generate(geography, seed)) {
                file.write(outputDir, manifest);
            }
            CaseEventGenerator.generate(scale, seed).write(outputDir, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sample data to " + outputDir + ": " + e.getMessage(), e);
        }
    }
}
