package de.integrationsmonitor.bench;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the delivered CSV files of an input folder into DuckDB tables {@code raw_<source table>}, one
 * VARCHAR column per contract column (personal data columns are not read), plus {@code _source_file}
 * and {@code _period} (the snapshot date or month in the file name). Rows keep the order of the file.
 *
 * <p>DuckDB's {@code read_csv} does the reading: separator {@code ;}, quote {@code "}, header row,
 * every column typed VARCHAR explicitly (the contract's numbers and dates need both decimal separators
 * and two date formats, so they are parsed in SQL), and rows whose field count differs from the
 * header's skipped ({@code ignore_errors}; the contract quarantines them). Here in Java only what
 * read_csv cannot do: match header labels case-insensitively and through conf/'s header aliases,
 * refuse files the contract rejects as a whole (UTF-16, binary, damaged UTF-8, a required column
 * missing, a duplicate header), and convert Windows-1252 files to UTF-8 in a temporary folder.
 */
final class InputFiles implements AutoCloseable {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The sources the three marts depend on (workshop statements feed no mart). */
    static final List<Source> SOURCES = List.of(Source.ORG_UNITS, Source.DEMAND, Source.OFFERS, Source.PARTICIPATION,
            Source.WORKSHOPS, Source.PROJECTS, Source.INDICATORS, Source.INDICATOR_VALUES);

    private final Path inputDir;
    private final Path confDir;
    private final Aliases aliases;
    private Path converted;

    InputFiles(Path inputDir, Path confDir) {
        this.inputDir = requireNonNull(inputDir, "inputDir is null");
        this.confDir = requireNonNull(confDir, "confDir is null");
        this.aliases = Aliases.load(confDir);
        if (!Files.isDirectory(inputDir)) {
            throw new UserException(ErrorCategory.INPUT, "Eingabeordner " + inputDir + " existiert nicht oder ist kein Ordner.");
        }
    }

    static String rawTable(Source source) {
        return "raw_" + source.tableName();
    }

    /** conf_vocabularies (dimension, label, code) and conf_city_aliases (alias, name), in file order. */
    void loadConf(Connection connection) throws SQLException {
        DuckDbBaseline.execute(connection, "CREATE TABLE conf_vocabularies AS SELECT * FROM "
                + confCsv(confDir.resolve("vocabularies.csv"), "dimension", "label", "code"));
        DuckDbBaseline.execute(connection, "CREATE TABLE conf_city_aliases AS SELECT * FROM "
                + confCsv(confDir.resolve("city-aliases.csv"), "alias", "name"));
    }

    private static String confCsv(Path file, String... columns) {
        String types = Arrays.stream(columns).map(c -> quote(c) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
        return "read_csv(" + quote(file.toString()) + ", delim = ';', quote = '\"', escape = '\"', header = true, comment = '#', "
                + "auto_detect = false, columns = " + types + ")";
    }

    /** Creates every raw table and loads the delivered files; returns the number of data rows loaded. */
    long load(Connection connection) throws SQLException {
        for (Source source : SOURCES) {
            String columns = columns(source).stream().map(c -> c + " VARCHAR").collect(Collectors.joining(", "));
            DuckDbBaseline.execute(connection, "CREATE TABLE " + rawTable(source) + " (" + columns
                    + ", _source_file VARCHAR, _period VARCHAR)");
        }
        for (Path file : deliveredFiles()) {
            String relative = inputDir.relativize(file).toString().replace('\\', '/');
            Optional<Source> source = Source.forFile(relative).filter(SOURCES::contains);
            if (source.isPresent()) {
                load(connection, source.get(), file, relative);
            }
        }
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            for (Source source : SOURCES) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + rawTable(source))) {
                    count.next();
                    rows += count.getLong(1);
                }
            }
        }
        return rows;
    }

    private void load(Connection connection, Source source, Path file, String relative) throws SQLException {
        Optional<Path> readable = readableCopy(file);
        if (readable.isEmpty()) {
            return;
        }
        Optional<List<String>> header = header(readable.get());
        if (header.isEmpty()) {
            return;
        }
        Map<Integer, String> mapped = mapHeader(header.get(), source);
        if (mapped == null) {
            return;
        }
        List<String> fileColumns = new ArrayList<>();
        for (int i = 0; i < header.get().size(); i++) {
            fileColumns.add(mapped.getOrDefault(i, "_unused_" + i));
        }
        String types = fileColumns.stream().map(c -> quote(c) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
        List<String> targets = new ArrayList<>(mapped.values());
        String period = source.periodOf(relative).map(InputFiles::quote).orElse("NULL");
        DuckDbBaseline.execute(connection, "INSERT INTO " + rawTable(source) + " (" + String.join(", ", targets)
                + ", _source_file, _period) SELECT " + String.join(", ", targets) + ", " + quote(relative) + ", " + period
                + " FROM read_csv(" + quote(readable.get().toString()) + ", delim = ';', quote = '\"', escape = '\"', "
                + "header = true, auto_detect = false, ignore_errors = true, columns = " + types + ")");
    }

    /** The contract columns a raw table holds: all but personal data. */
    static List<String> columns(Source source) {
        return source.columns().stream().filter(c -> !c.personal()).map(Source.Column::name).toList();
    }

    /**
     * Header position to contract column name, for the columns the raw table holds; null when the file is
     * rejected as a whole (a required column missing, a header label twice).
     */
    private Map<Integer, String> mapHeader(List<String> header, Source source) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (byName.putIfAbsent(normalise(header.get(i)), i) != null) {
                return null;
            }
        }
        Map<Integer, String> mapped = new LinkedHashMap<>();
        for (Source.Column column : source.columns()) {
            List<String> candidates = new ArrayList<>(List.of(column.header(), column.name()));
            candidates.addAll(aliases.headerAliases(source.sourceName(), column.name()));
            Integer position = candidates.stream().map(c -> byName.get(normalise(c))).filter(p -> p != null).findFirst()
                    .orElse(null);
            if (position == null && column.required()) {
                return null;
            }
            if (position != null && !column.personal()) {
                mapped.put(position, column.name());
            }
        }
        return mapped;
    }

    /** The header row's labels without trailing empty ones; empty for an empty file. */
    private static Optional<List<String>> header(Path file) {
        try (CSVParser parser = CSVParser.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setDelimiter(';').setQuote('"').setIgnoreEmptyLines(true).get())) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            List<String> labels = new ArrayList<>(record.toList());
            if (!labels.isEmpty() && labels.get(0).startsWith("\uFEFF")) {
                labels.set(0, labels.get(0).substring(1));
            }
            while (labels.size() > 1 && normalise(labels.get(labels.size() - 1)).isEmpty()) {
                labels.remove(labels.size() - 1);
            }
            return Optional.of(labels);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The file itself when it is UTF-8; a UTF-8 copy when it is Windows-1252; empty when the contract
     * rejects it whole (UTF-16, NUL bytes, damaged UTF-8).
     */
    private Optional<Path> readableCopy(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            boolean bom = bytes.length >= 3 && Arrays.equals(Arrays.copyOf(bytes, 3), UTF8_BOM);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty(); // UTF-16 or binary
                }
            }
            if (decodes(bytes, StandardCharsets.UTF_8)) {
                return Optional.of(file);
            }
            if (bom || hasUtf8MultiByteSequence(bytes) || !decodes(bytes, WINDOWS_1252)) {
                return Optional.empty();
            }
            if (converted == null) {
                converted = Files.createTempDirectory("imon-bench-cp1252-");
            }
            Path copy = converted.resolve(inputDir.relativize(file).toString().replace('/', '_'));
            Files.writeString(copy, new String(bytes, WINDOWS_1252), StandardCharsets.UTF_8);
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean decodes(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A well-formed two-byte UTF-8 sequence (such as ä, C3 A4) somewhere: UTF-8 with a damaged byte, not Windows-1252. */
    private static boolean hasUtf8MultiByteSequence(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            int next = bytes[i + 1] & 0xFF;
            if (lead >= 0xC2 && lead <= 0xDF && next >= 0x80 && next <= 0xBF) {
                return true;
            }
        }
        return false;
    }

    private List<Path> deliveredFiles() {
        try (Stream<Path> walk = Files.walk(inputDir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(path -> !path.toString().contains("/.git/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserException(ErrorCategory.INPUT, "Eingabeordner " + inputDir + " kann nicht gelesen werden: " + e.getMessage(), e);
        }
    }

    private static String normalise(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }

    /** A SQL string literal. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public void close() {
        if (converted == null) {
            return;
        }
        try (Stream<Path> files = Files.list(converted)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(converted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
