package de.integrationsmonitor.pipelines.bronze;

import de.integrationsmonitor.pipelines.catalog.Source;
import de.integrationsmonitor.pipelines.config.Aliases;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one delivered CSV file as the contract describes it: UTF-8 (BOM ignored) or detected
 * Windows-1252, separator {@code ;}, quote {@code "}, a header row matched case-insensitively
 * (with aliases from conf/). Every data record keeps its line number.
 */
public final class CsvFileReader {
    /** Marker key in a row's extras when its field count differs from the header's. */
    public static final String FIELD_COUNT_KEY = "__field_count";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .get();

    private CsvFileReader() {}

    public static DeliveredFile read(Path file, String relativePath, Source source, Aliases aliases) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new DeliveredFile.Rejected(relativePath, null, "unreadable_file",
                    "Datei " + relativePath + " kann nicht gelesen werden: " + e.getMessage());
        }
        return parse(bytes, relativePath, source, aliases);
    }

    /** Parses file content; {@code relativePath} names the file in messages and lineage. */
    public static DeliveredFile parse(byte[] bytes, String relativePath, Source source, Aliases aliases) {
        String checksum = sha256(bytes);
        Decoded decoded = decode(bytes);
        if (decoded == null) {
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_encoding", "Datei " + relativePath
                    + " ist weder UTF-8 noch Windows-1252; bitte als UTF-8 speichern.");
        }
        String text = decoded.text();
        if (text.indexOf('\0') >= 0) {
            return new DeliveredFile.Rejected(relativePath, checksum, "binary_content",
                    "Datei " + relativePath + " enthält Binärdaten (NUL-Zeichen) und ist keine CSV-Datei.");
        }
        int[] lineStarts = lineStarts(text);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return new DeliveredFile.Rejected(relativePath, checksum, "empty_file",
                        "Datei " + relativePath + " ist leer; erwartet wird mindestens eine Kopfzeile.");
            }
            List<String> header = records.next().toList();
            if (header.size() == 1 && !header.get(0).contains(";")) {
                String separator = header.get(0).contains(",") ? "','" : header.get(0).contains("\t") ? "Tabulator" : null;
                if (separator != null || source.columns().size() > 1) {
                    return new DeliveredFile.Rejected(relativePath, checksum, "wrong_separator", "Datei " + relativePath
                            + ": Kopfzeile ist nicht mit ';' getrennt" + (separator == null ? "" : " (gefunden: " + separator + ")")
                            + "; bitte mit Semikolon als Trennzeichen speichern.");
                }
            }
            HeaderMapping mapping = HeaderMapping.of(header, source, aliases);
            if (mapping.problem() != null) {
                return new DeliveredFile.Rejected(relativePath, checksum, mapping.problemReason(),
                        "Datei " + relativePath + ", Zeile 1: " + mapping.problem());
            }
            List<DeliveredFile.RawRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = lineOf(lineStarts, firstCharacter(text, (int) record.getCharacterPosition()));
                rows.add(mapping.toRow(line, record.toList()));
            }
            return new DeliveredFile.Accepted(relativePath, checksum, decoded.encoding(), mapping.extraColumns(), rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return new DeliveredFile.Rejected(relativePath, checksum, "malformed_csv",
                    "Datei " + relativePath + " ist keine gültige CSV-Datei: " + firstLine(e.getMessage()));
        }
    }

    private record Decoded(String text, String encoding) {}

    private static Decoded decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0));
        try {
            return new Decoded(strictDecoder(StandardCharsets.UTF_8).decode(buffer).toString(), "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            if (bom) {
                return null;
            }
            try {
                return new Decoded(strictDecoder(WINDOWS_1252).decode(ByteBuffer.wrap(bytes)).toString(), "windows-1252");
            } catch (CharacterCodingException notWindows1252) {
                return null;
            }
        }
    }

    private static java.nio.charset.CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The record's position may point at skipped empty lines before it; step over them. */
    private static int firstCharacter(String text, int position) {
        int first = position;
        while (first < text.length() && (text.charAt(first) == '\n' || text.charAt(first) == '\r')) {
            first++;
        }
        return first;
    }

    /** 1-based line holding the character at {@code position}. */
    private static int lineOf(int[] lineStarts, int position) {
        int index = Arrays.binarySearch(lineStarts, position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unbekannter Fehler";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Where each contract column sits in the delivered header. */
    private record HeaderMapping(int[] positions, int headerSize, List<String> header, List<Integer> extraPositions,
                                 String problem, String problemReason) {

        static HeaderMapping of(List<String> header, Source source, Aliases aliases) {
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = normalise(header.get(i));
                if (name.isEmpty() && i == header.size() - 1) {
                    continue; // trailing separator
                }
                if (byName.putIfAbsent(name, i) != null) {
                    return failed("Spalte '" + header.get(i).strip() + "' kommt in der Kopfzeile doppelt vor.", "duplicate_header");
                }
            }
            int[] positions = new int[source.columns().size()];
            List<Integer> used = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (int c = 0; c < positions.length; c++) {
                Source.Column column = source.columns().get(c);
                positions[c] = -1;
                List<String> candidates = new ArrayList<>(List.of(column.header(), column.name()));
                candidates.addAll(aliases.headerAliases(source.sourceName(), column.name()));
                for (String candidate : candidates) {
                    Integer position = byName.get(normalise(candidate));
                    if (position != null) {
                        positions[c] = position;
                        used.add(position);
                        break;
                    }
                }
                if (positions[c] < 0 && column.required()) {
                    missing.add(column.header());
                }
            }
            if (!missing.isEmpty()) {
                return failed("Pflichtspalte(n) fehlen: " + String.join(", ", missing)
                        + ". Gefundene Kopfzeile: " + String.join(";", header), "missing_column");
            }
            List<Integer> extras = new ArrayList<>(byName.values());
            extras.removeAll(used);
            return new HeaderMapping(positions, header.size(), header, extras, null, null);
        }

        private static HeaderMapping failed(String problem, String reason) {
            return new HeaderMapping(new int[0], 0, List.of(), List.of(), problem, reason);
        }

        List<String> extraColumns() {
            return extraPositions.stream().map(i -> header.get(i).strip()).toList();
        }

        DeliveredFile.RawRow toRow(int line, List<String> fields) {
            List<String> values = new ArrayList<>(positions.length);
            for (int position : positions) {
                values.add(position >= 0 && position < fields.size() ? fields.get(position) : null);
            }
            Map<String, String> extras = new LinkedHashMap<>();
            for (int position : extraPositions) {
                if (position < fields.size()) {
                    extras.put(header.get(position).strip(), fields.get(position));
                }
            }
            int meaningfulFields = fields.size();
            while (meaningfulFields > headerSize && fields.get(meaningfulFields - 1).isBlank()) {
                meaningfulFields--;
            }
            if (meaningfulFields != headerSize) {
                extras.put(FIELD_COUNT_KEY, fields.size() + "/" + headerSize);
            }
            return new DeliveredFile.RawRow(line, values, extras);
        }

        private static String normalise(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }
    }
}
