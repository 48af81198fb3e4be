package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One input file written row by row through a buffer, for files too large to hold in memory.
 * Same format as {@link CsvFile}; closing it records the file and its noted rows in the
 * {@link Manifest}. Only the noted rows (a handful) are kept.
 */
final class CsvWriter implements CsvSink, AutoCloseable {

    private static final int BUFFER_CHARS = 1 << 16;

    private final String relativePath;
    private final int columns;
    private final Manifest manifest;
    private final Writer writer;
    private final List<Manifest.NotedRow> notes = new ArrayList<>();
    private int dataRows;

    private CsvWriter(String relativePath, int columns, Manifest manifest, Writer writer) {
        this.relativePath = relativePath;
        this.columns = columns;
        this.manifest = manifest;
        this.writer = writer;
    }

    /** Creates (or replaces) {@code outputDir/relativePath} and writes the header. */
    static CsvWriter open(Path outputDir, String relativePath, List<String> header, Manifest manifest) {
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(manifest, "manifest is null");
        Path target = outputDir.resolve(relativePath);
        try {
            Files.createDirectories(target.getParent());
            Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8),
                    BUFFER_CHARS);
            CsvWriter csv = new CsvWriter(relativePath, header.size(), manifest, writer);
            csv.writeLine(header);
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int add(List<String> values, Note note) {
        if (values.size() != columns) {
            throw new IllegalArgumentException(relativePath + ": row has " + values.size()
                    + " values but the header has " + columns + ": " + values);
        }
        writeLine(values);
        dataRows++;
        int line = dataRows + 1;
        if (note != null) {
            notes.add(new Manifest.NotedRow(relativePath, line, note));
        }
        return line;
    }

    private void writeLine(List<String> values) {
        try {
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    writer.write(';');
                }
                writer.write(CsvFile.field(values.get(i)));
            }
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relativePath + ": " + e.getMessage(), e);
        }
        manifest.recordFile(relativePath, dataRows);
        notes.forEach(row -> manifest.recordNote(row.path(), row.line(), row.note()));
    }
}
