package de.integrationsmonitor.pipelines.bronze;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.Source;
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
            return unreadable(relativePath, e);
        }
        return parse(bytes, relativePath, source, aliases);
    }

    /** The outcome of a file that cannot be read at all. */
    public static DeliveredFile.Rejected unreadable(String relativePath, IOException e) {
        return new DeliveredFile.Rejected(relativePath, null, "unreadable_file",
                "Datei " + relativePath + " kann nicht gelesen werden: " + e.getMessage());
    }

    /** Parses file content; {@code relativePath} names the file in messages and lineage. */
    public static DeliveredFile parse(byte[] bytes, String relativePath, Source source, Aliases aliases) {
        String checksum = sha256(bytes);
        // UTF-16 text holds a NUL in every other byte: name the encoding rather than calling it binary
        if (isUtf16(bytes)) {
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_encoding", "Datei " + relativePath
                    + " ist UTF-16-kodiert (z. B. Excel \"Unicode-Text\"); bitte als CSV UTF-8 speichern.");
        }
        // checked on the bytes, before decoding, so that binary files (images, Excel workbooks) are named as such
        for (byte b : bytes) {
            if (b == 0) {
                return new DeliveredFile.Rejected(relativePath, checksum, "binary_content",
                        "Datei " + relativePath + " enthält Binärdaten (NUL-Zeichen) und ist keine CSV-Datei.");
            }
        }
        int invalidUtf8 = firstInvalidUtf8(bytes);
        if (invalidUtf8 >= 0 && hasUtf8MultiByteSequence(bytes)) {
            // UTF-8 with a damaged byte (cut off, or parts in another encoding): reading it as Windows-1252
            // would silently turn every umlaut into garbage
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_encoding", "Datei " + relativePath
                    + " ist nicht durchgängig UTF-8-kodiert (ungültige Bytefolge in Zeile " + lineOfByte(bytes, invalidUtf8)
                    + (invalidUtf8 + utf8LeadLength(bytes[invalidUtf8]) > bytes.length
                            ? ", die Datei endet mitten in einem Zeichen und ist wohl abgeschnitten" : "")
                    + "); bitte vollständig als UTF-8 speichern.");
        }
        Decoded decoded = decode(bytes);
        if (decoded == null) {
            return new DeliveredFile.Rejected(relativePath, checksum, "bad_encoding", "Datei " + relativePath
                    + " ist weder UTF-8 noch Windows-1252; bitte als UTF-8 speichern.");
        }
        String text = decoded.text();
        int[] lineStarts = lineStarts(text);
        long linesRead = 0;
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
            while (true) {
                linesRead = parser.getCurrentLineNumber();
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                int line = lineOf(lineStarts, firstCharacter(text, (int) record.getCharacterPosition()));
                rows.add(mapping.toRow(line, record.toList()));
            }
            return new DeliveredFile.Accepted(relativePath, checksum, decoded.encoding(), mapping.extraColumns(), rows);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // the parser fails only on quotes: a quoted field not closed before the end of the file, or
            // text after a closing quote; the record it failed on starts after the lines read so far
            return new DeliveredFile.Rejected(relativePath, checksum, "malformed_csv", "Datei " + relativePath
                    + " ist keine gültige CSV-Datei: ab Zeile " + (linesRead + 1) + " sind Anführungszeichen nicht paarig"
                    + " (ein mit \" beginnendes Feld wird nicht oder nicht direkt vor ';' bzw. dem Zeilenende geschlossen);"
                    + " ist die Datei abgeschnitten?");
        }
    }

    /** A UTF-16 byte order mark, or (without one) NUL bytes in every other position of the first bytes. */
    private static boolean isUtf16(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return true;
        }
        int pairs = Math.min(bytes.length, 512) / 2;
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }
        return pairs >= 4 && ((evenNul == pairs && oddNul == 0) || (oddNul == pairs && evenNul == 0));
    }

    /** Index of the first byte that is not part of a well-formed UTF-8 sequence (after a BOM), or -1. */
    private static int firstInvalidUtf8(byte[] bytes) {
        int start = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM) ? 3 : 0;
        for (int i = start; i < bytes.length; ) {
            int length = utf8SequenceLength(bytes, i);
            if (length == 0) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (e.g. {@code ä} as C3 A4). */
    private static boolean hasUtf8MultiByteSequence(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0x80) != 0 && utf8SequenceLength(bytes, i) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Length of the well-formed UTF-8 sequence starting at {@code i}, or 0 if there is none. */
    private static int utf8SequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xFF;
        int length = utf8LeadLength(bytes[i]);
        if (length == 1) {
            return 1;
        }
        if (length == 0 || i + length > bytes.length) {
            return 0;
        }
        int second = bytes[i + 1] & 0xFF;
        int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < length; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    /** The sequence length a UTF-8 lead byte announces (1 for ASCII), 0 for a byte that cannot start one. */
    private static int utf8LeadLength(byte lead) {
        int b = lead & 0xFF;
        return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
    }

    /** 1-based line holding the byte at {@code index}. */
    private static int lineOfByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private record Decoded(String text, String encoding) {}

    /** The encoding {@link #parse} reads the bytes with: {@code UTF-8}, {@code windows-1252}, or null for neither. */
    public static String encodingOf(byte[] bytes) {
        Decoded decoded = decode(bytes);
        return decoded == null ? null : decoded.encoding();
    }

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

    /** The SHA-256 of a file's bytes, as bronze records it ({@code _file_checksum}). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where each contract column sits in the delivered header. */
    private record HeaderMapping(int[] positions, int headerSize, List<String> header, List<Integer> extraPositions,
                                 String problem, String problemReason) {
        /** A delivered header is quoted in a message up to this many characters. */
        private static final int MAX_HEADER_IN_MESSAGE = 300;

        static HeaderMapping of(List<String> header, Source source, Aliases aliases) {
            // trailing separators (one, or several from an Excel sheet with empty columns) are not columns
            int size = header.size();
            while (size > 1 && normalise(header.get(size - 1)).isEmpty()) {
                size--;
            }
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                String name = normalise(header.get(i));
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
                String found = String.join(";", header.subList(0, size));
                if (found.length() > MAX_HEADER_IN_MESSAGE) {
                    found = found.substring(0, MAX_HEADER_IN_MESSAGE) + " … (" + found.length() + " Zeichen)";
                }
                return failed("Pflichtspalte(n) fehlen: " + String.join(", ", missing)
                        + ". Gefundene Kopfzeile: " + found, "missing_column");
            }
            List<Integer> extras = new ArrayList<>(byName.values());
            extras.removeAll(used);
            return new HeaderMapping(positions, size, header, extras, null, null);
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
