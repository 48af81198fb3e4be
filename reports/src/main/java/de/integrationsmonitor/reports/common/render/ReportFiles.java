package de.integrationsmonitor.reports.common.render;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.warehouse.CrashPoint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How every report file (PDF, XLSX) reaches the output folder: written completely under a hidden
 * temporary name beside its final name ({@code .monatsbericht_2026-10.pdf.<uuid>.tmp}), flushed to disk,
 * then renamed to the final name in one atomic step. A run that fails or is killed while writing leaves at
 * most such a hidden file, never a final-named file that looks complete but is not; the next run removes
 * what killed runs left ({@link #removeLeftovers}).
 */
public final class ReportFiles {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportFiles.class);
    private static final Pattern TEMPORARY = Pattern.compile(
            "\\..+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    private ReportFiles() {}

    /** A new hidden temporary name in the folder of {@code target}; the random part keeps two writers apart. */
    static Path temporaryFor(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    /** Whether {@code file} is named like a temporary report file. */
    static boolean isTemporary(Path file) {
        return TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    /** Flushes the complete {@code temporary} to disk and renames it to {@code target}, replacing an older file. */
    static void publish(Path temporary, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        String name = target.getFileName().toString();
        CrashPoint.reached("report-unpublished:" + name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes the temporary report files in {@code directory} and its area folders last changed before {@code before} (a run's
     * start): what runs killed while writing left behind. A temporary file of a run writing right now is
     * younger and stays. Returns the deleted files; a folder that does not exist yet has none.
     */
    public static List<Path> removeLeftovers(Path directory, Instant before) {
        requireNonNull(directory, "directory is null");
        requireNonNull(before, "before is null");
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            for (Path file : files.filter(ReportFiles::isTemporary).sorted().toList()) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                        Files.delete(file);
                        removed.add(file);
                    }
                } catch (NoSuchFileException gone) {
                    // removed by someone else in the meantime
                }
            }
        } catch (IOException e) {
            // leftovers are hidden and harmless; failing the run for them would be worse
            LOG.warn("cannot remove temporary report files in {}: {}", directory, e.getMessage());
        }
        if (!removed.isEmpty()) {
            LOG.info("removed {} temporary report file(s) of earlier interrupted runs in {}", removed.size(), directory);
        }
        return removed;
    }
}
