package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one generator run wrote and how long it took.
 *
 * @param outputDir the folder written to
 * @param scale     the scale's name
 * @param seed      the seed
 * @param parts     the number of parts the data set is split into (1: not split)
 * @param part      the part written (1-based), or 0 for all parts
 * @param files     CSV files written
 * @param rows      data rows written (headers not counted)
 * @param bytes     bytes of the CSV files written
 * @param wallTime  wall-clock time of the run
 */
public record GenerationSummary(Path outputDir, String scale, long seed, int parts, int part, int files, long rows, long bytes,
        Duration wallTime) {

    public GenerationSummary {
        requireNonNull(outputDir, "outputDir is null");
        requireNonNull(scale, "scale is null");
        requireNonNull(wallTime, "wallTime is null");
    }

    /** Data rows per second of wall time. */
    public double rowsPerSecond() {
        double seconds = wallTime.toNanos() / 1e9;
        return seconds == 0 ? 0 : rows / seconds;
    }
}
