package de.integrationsmonitor.reports.common.render;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Writes a filled report as a PDF/A-2A and PDF/UA-1 document (archivable and accessible): tagged,
 * German document language, title in the metadata, sRGB output intent. Fonts are embedded by the
 * DejaVu font extension named in every template style; {@link AccessiblePdfExporter} fixes what
 * Jasper's own PDF export gets wrong for both standards.
 */
public final class PdfExport {
    public static final String AUTHOR = "Integrationsmonitor";
    public static final String LANGUAGE = "de-DE";

    private PdfExport() {}

    /** Document metadata: {@code title} is shown by viewers instead of the file name. */
    public record Metadata(String title, String subject) {
        public Metadata {
            requireNonNull(title, "title is null");
            requireNonNull(subject, "subject is null");
        }
    }

    /**
     * Exports {@code print} to {@code target}. The PDF is written to a hidden temporary file beside
     * {@code target} first and then renamed ({@link ReportFiles}), so a failed or killed run never leaves half a PDF.
     */
    public static Path write(JasperPrint print, Path target, Metadata metadata) {
        requireNonNull(print, "print is null");
        requireNonNull(target, "target is null");
        requireNonNull(metadata, "metadata is null");
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            // Not Files.createTempFile: its owner-only permissions would survive the move.
            temporary = ReportFiles.temporaryFor(target);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                JRPdfExporter exporter = new AccessiblePdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                exporter.setConfiguration(configuration(metadata));
                exporter.exportReport();
            }
            ReportFiles.publish(temporary, target);
            return target;
        } catch (JRException | IOException e) {
            throw new ReportRenderingException("Failed to write PDF " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    static SimplePdfExporterConfiguration configuration(Metadata metadata) {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(metadata.title());
        configuration.setMetadataSubject(metadata.subject());
        configuration.setMetadataAuthor(AUTHOR);
        configuration.setMetadataCreator(AUTHOR);
        configuration.setDisplayMetadataTitle(true);
        configuration.setTagged(true);
        configuration.setTagLanguage(LANGUAGE);
        configuration.setCompressed(true);
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_2A);
        configuration.setIccProfilePath(SrgbProfileRepository.LOCATION);
        return configuration;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the temporary file is hidden and harmless; the real error (if any) is already thrown
        }
    }
}
