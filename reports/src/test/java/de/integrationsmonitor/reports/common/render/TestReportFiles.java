package de.integrationsmonitor.reports.common.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestReportFiles {
    @Test
    void aTemporaryNameIsHiddenBesideTheTargetAndPublishingRenamesIt(@TempDir Path out) throws IOException {
        Path target = out.resolve("monatsbericht_2026-10.pdf");
        Path temporary = ReportFiles.temporaryFor(target);
        assertThat(temporary.getParent()).isEqualTo(out);
        assertThat(temporary.getFileName().toString()).startsWith(".monatsbericht_2026-10.pdf.").endsWith(".tmp");
        assertThat(ReportFiles.isTemporary(temporary)).isTrue();
        assertThat(ReportFiles.isTemporary(target)).isFalse();

        Files.writeString(temporary, "%PDF-1.7 complete");
        ReportFiles.publish(temporary, target);
        assertThat(target).hasContent("%PDF-1.7 complete");
        assertThat(temporary).doesNotExist();
    }

    /** Leftovers of a killed run go; a temporary file younger than this run (another writer), reports and other files stay. */
    @Test
    void removeLeftoversDeletesOnlyTemporaryFilesOlderThanTheRun(@TempDir Path out) throws IOException {
        Instant runStart = Instant.parse("2026-11-23T10:00:00Z");
        Path leftover = touch(out.resolve(".monatsbericht_2026-10.pdf.0f8fad5b-d9cb-469f-a165-70867728950e.tmp"), runStart.minusSeconds(60));
        Path leftoverXlsx = touch(out.resolve(".monatsbericht_2026-10.xlsx.7c9e6679-7425-40de-944b-e07fc1f90ae7.tmp"), runStart.minusSeconds(5));
        Path writing = touch(out.resolve(".versorgungsluecken_2026-10.pdf.16fd2706-8baf-433b-82eb-8c7fada847da.tmp"), runStart.plusSeconds(5));
        Path report = touch(out.resolve("monatsbericht_2026-10.pdf"), runStart.minusSeconds(3600));
        Path otherHidden = touch(out.resolve(".notizen.tmp"), runStart.minusSeconds(3600));

        assertThat(ReportFiles.removeLeftovers(out, runStart)).containsExactly(leftover, leftoverXlsx);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.sorted()).containsExactly(otherHidden, writing, report);
        }
        assertThat(ReportFiles.removeLeftovers(out.resolve("noch-nicht-da"), runStart)).isEmpty();
    }

    private static Path touch(Path file, Instant modified) throws IOException {
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
