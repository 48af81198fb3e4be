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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads the delivered CSV files of an input folder into DuckDB tables {@code raw_<source table>}, one
 * VARCHAR column per contract column (personal data columns and the offers' descriptive columns that no
 * statement reads are not loaded), plus {@code _period} (the snapshot date or month in the file name). Rows keep the order of the files and of the lines in each file; the files of
 * one source with the same header layout are read by one {@code read_csv} over the file list.
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
    /** The script name of the load's steps in {@link DuckDbBaseline.Result#steps()}. */
    static final String LOAD_STEP = "laden";
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
    long load(DuckDbBaseline.Steps steps) throws SQLException {
        Connection connection = steps.connection();
        for (Source source : SOURCES) {
            String columns = columns(source).stream().map(c -> c + " VARCHAR").collect(Collectors.joining(", "));
            DuckDbBaseline.execute(connection, "CREATE TABLE " + rawTable(source) + " (" + columns + ", _period VARCHAR)");
        }
        // Java's part: which files are readable, and how their headers map; files of one source whose header
        // maps the same way (every offers snapshot, every participation file) form one group, so that DuckDB
        // reads them with one read_csv over a file list, in parallel and in file order.
        long checking = System.nanoTime();
        List<Group> groups = new ArrayList<>();
        for (Path file : deliveredFiles()) {
            String relative = inputDir.relativize(file).toString().replace('\\', '/');
            Optional<Source> source = Source.forFile(relative).filter(SOURCES::contains);
            if (source.isEmpty()) {
                continue;
            }
            Optional<Delivered> delivered = delivered(source.get(), file, relative);
            if (delivered.isEmpty()) {
                continue;
            }
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last.source() == source.get() && last.fileColumns().equals(delivered.get().fileColumns())
                    && last.targets().equals(delivered.get().targets()) && delivered.get().periodInName() && last.files().get(0).periodInName()) {
                last.files().add(delivered.get());
            } else {
                groups.add(new Group(source.get(), delivered.get().fileColumns(), delivered.get().targets(),
                        new ArrayList<>(List.of(delivered.get()))));
            }
        }
        steps.add(LOAD_STEP, "Dateien prüfen (Kodierung, Kopfzeile; Java)", java.time.Duration.ofNanos(System.nanoTime() - checking));
        for (Group group : groups) {
            steps.execute(LOAD_STEP, rawTable(group.source()) + " (" + group.files().size() + (group.files().size() == 1 ? " Datei)" : " Dateien)"),
                    group.insert());
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

    /** A delivered file DuckDB reads: its readable path (a UTF-8 copy of a Windows-1252 file), its columns. */
    private record Delivered(Path readable, String relative, Optional<String> period, List<String> fileColumns, List<String> targets) {
        /** Whether {@link #PERIOD_IN_NAME} finds the file's period in the name DuckDB reads it by. */
        boolean periodInName() {
            Matcher matcher = Pattern.compile(PERIOD_IN_NAME).matcher(readable.toString());
            return period.isPresent() && matcher.find() && matcher.group(1).equals(period.get());
        }
    }

    /**
     * The period (snapshot date or month) at the end of a file name, for DuckDB's regexp_extract on
     * read_csv's filename column: evaluated once per chunk of rows (the file name is constant in it).
     */
    private static final String PERIOD_IN_NAME = "_([0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\\.csv$";

    /** Consecutive files of one source with the same header mapping, loaded by one statement. */
    private record Group(Source source, List<String> fileColumns, List<String> targets, List<Delivered> files) {
        /**
         * INSERT … SELECT … FROM read_csv([files]): every field VARCHAR, rows with another field count than the
         * header's skipped; _period from the file name (read_csv's filename column) when the group has several files.
         */
        String insert() {
            String types = fileColumns.stream().map(c -> quote(c) + ": 'VARCHAR'").collect(Collectors.joining(", ", "{", "}"));
            String paths = files.stream().map(f -> quote(f.readable().toString())).collect(Collectors.joining(", ", "[", "]"));
            String period = files.size() == 1 ? files.get(0).period().map(InputFiles::quote).orElse("NULL")
                    : "regexp_extract(filename, " + quote(PERIOD_IN_NAME) + ", 1)";
            return "INSERT INTO " + rawTable(source) + " (" + String.join(", ", targets) + ", _period) SELECT "
                    + String.join(", ", targets) + ", " + period + " FROM read_csv(" + paths
                    + ", delim = ';', quote = '\"', escape = '\"', header = true, auto_detect = false, ignore_errors = true, "
                    + (files.size() == 1 ? "" : "filename = true, ") + "columns = " + types + ")";
        }
    }

    /** The file as DuckDB reads it, or empty when the contract rejects it as a whole. */
    private Optional<Delivered> delivered(Source source, Path file, String relative) {
        Optional<Path> readable = readableCopy(file);
        if (readable.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<String>> header = header(readable.get());
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> mapped = mapHeader(header.get(), source);
        if (mapped == null) {
            return Optional.empty();
        }
        List<String> fileColumns = new ArrayList<>();
        for (int i = 0; i < header.get().size(); i++) {
            fileColumns.add(mapped.getOrDefault(i, "_unused_" + i));
        }
        return Optional.of(new Delivered(readable.get(), relative, source.periodOf(relative), List.copyOf(fileColumns),
                List.copyOf(mapped.values())));
    }

    /**
     * Descriptive columns of the offers snapshots that no statement reads (Stadtteil, provider, venue,
     * homepage): left out of the raw table, so read_csv does not materialise them for millions of rows.
     */
    private static final Map<Source, java.util.Set<String>> NOT_READ = Map.of(Source.OFFERS,
            java.util.Set.of("district", "provider", "venue", "venue_address", "homepage"));

    /** The contract columns a raw table holds: all but personal data and the columns no statement reads. */
    static List<String> columns(Source source) {
        return source.columns().stream().filter(c -> isRead(source, c)).map(Source.Column::name).toList();
    }

    private static boolean isRead(Source source, Source.Column column) {
        return !column.personal() && !NOT_READ.getOrDefault(source, java.util.Set.of()).contains(column.name());
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
            if (position != null && isRead(source, column)) {
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
            switch (scan(bytes)) {
                case UTF8:
                    return Optional.of(file);
                case NUL:
                    return Optional.empty(); // UTF-16 or binary
                default:
                    break;
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

    enum Bytes { UTF8, NUL, NOT_UTF8 }

    /**
     * One pass over the bytes: a NUL byte anywhere (UTF-16 or binary), else whether they are well-formed
     * UTF-8 (what a strict decoder accepts: no overlong forms, no surrogates, nothing above U+10FFFF),
     * without decoding them.
     */
    static Bytes scan(byte[] bytes) {
        boolean utf8 = true;
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b > 0) { // ASCII, the bulk
                i++;
                continue;
            }
            if (b == 0) {
                return Bytes.NUL;
            }
            if (!utf8) {
                i++;
                continue;
            }
            int lead = b & 0xFF;
            int length;
            int min = 0x80;
            int max = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    min = 0xA0;
                } else if (lead == 0xED) {
                    max = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    min = 0x90;
                } else if (lead == 0xF4) {
                    max = 0x8F;
                }
            } else {
                utf8 = false;
                i++;
                continue;
            }
            if (i + length > n) {
                utf8 = false;
                i++;
                continue;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean ok = second >= min && second <= max;
            for (int k = 2; ok && k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                ok = next >= 0x80 && next <= 0xBF;
            }
            if (ok) {
                i += length;
            } else {
                utf8 = false;
                i++;
            }
        }
        return utf8 ? Bytes.UTF8 : Bytes.NOT_UTF8;
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
