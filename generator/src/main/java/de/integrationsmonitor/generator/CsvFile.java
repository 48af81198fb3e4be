package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One input file as the contract wants it: UTF-8 without BOM, separator {@code ;}, LF line
 * endings, header first, a value quoted with {@code "} only where it contains {@code ;},
 * {@code "} or a line break. Remembers the line of every noted row for the {@link Manifest}.
 */
final class CsvFile implements CsvSink {

    private static final char SEPARATOR = ';';
    private static final char QUOTE = '"';

    private final String relativePath;
    private final List<String> header;
    private final List<String> lines = new ArrayList<>();
    private final List<Manifest.NotedRow> notes = new ArrayList<>();

    CsvFile(String relativePath, List<String> header) {
        this.relativePath = requireNonNull(relativePath, "relativePath is null");
        this.header = List.copyOf(header);
    }

    CsvFile(String relativePath, String... header) {
        this(relativePath, Arrays.asList(header));
    }

    /** Appends a data row and returns its 1-based line number (the header is line 1). */
    @Override
    public int add(List<String> values) {
        if (values.size() != header.size()) {
            throw new IllegalArgumentException(relativePath + ": row has " + values.size()
                    + " values but the header has " + header.size() + ": " + values);
        }
        lines.add(format(values));
        return lines.size() + 1;
    }

    @Override
    public int add(String... values) {
        return add(Arrays.asList(values));
    }

    /** Appends a row that is a deliberate fault or a valid edge case. */
    @Override
    public int add(List<String> values, Note note) {
        int line = add(values);
        if (note != null) {
            notes.add(new Manifest.NotedRow(relativePath, line, note));
        }
        return line;
    }

    void write(Path outputDir, Manifest manifest) throws IOException {
        Path target = outputDir.resolve(relativePath);
        Files.createDirectories(target.getParent());
        StringBuilder content = new StringBuilder(format(header)).append('\n');
        for (String line : lines) {
            content.append(line).append('\n');
        }
        Files.write(target, content.toString().getBytes(StandardCharsets.UTF_8));
        manifest.recordFile(relativePath, lines.size());
        notes.forEach(row -> manifest.recordNote(row.path(), row.line(), row.note()));
    }

    static String format(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            line.append(field(values.get(i)));
        }
        return line.toString();
    }

    static String field(String value) {
        String text = value == null ? "" : value;
        boolean needsQuotes = text.indexOf(SEPARATOR) >= 0 || text.indexOf(QUOTE) >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!needsQuotes) {
            return text;
        }
        return QUOTE + text.replace("\"", "\"\"") + QUOTE;
    }
}
