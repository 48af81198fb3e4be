package de.integrationsmonitor.bench;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.duckdb.ProfilerPrintFormat;

/**
 * The three published marts ({@code coverage_gaps}, {@code kpi_monthly}, {@code indicator_attainment})
 * computed by DuckDB from an input folder laid out as the data contract describes, with SQL written
 * from the contract ({@code refine.sql}, {@code marts.sql} next to this class). It is the benchmark's
 * yardstick and a second implementation to check our numbers against: rows the contract rejects are
 * left out, the months covered and the default report month follow the contract's rules, and the
 * vocabularies, city aliases, header aliases and gap thresholds come from the same conf/.
 *
 * <p>Each run uses a fresh in-memory DuckDB database in this process. Load (reading the CSV files into
 * tables) and compute (both scripts, marts materialised as tables) are timed separately; copying the
 * mart rows into Java for the comparison is not part of either.
 */
public final class DuckDbBaseline {
    private static final String REFINE_SCRIPT = "refine.sql";
    private static final String MARTS_SCRIPT = "marts.sql";
    private static final Pattern CREATED = Pattern.compile("^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:TEMP\\s+|TEMPORARY\\s+)?(TABLE|MACRO|VIEW)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    private final Path confDir;
    private final GapThresholds thresholds;
    private final LocalDate ingestedOn;
    private final boolean profiled;

    /**
     * @param confDir the conf/ folder (vocabularies.csv, city-aliases.csv, header-aliases.csv)
     * @param thresholds the gap rule's thresholds (gaps.min-demand, gaps.coverage-index-limit)
     * @param ingestedOn the delivery day: events dated later are rejected ({@code future_date}), as in a run
     *     started on that day
     */
    public DuckDbBaseline(Path confDir, GapThresholds thresholds, LocalDate ingestedOn) {
        this(confDir, thresholds, ingestedOn, false);
    }

    private DuckDbBaseline(Path confDir, GapThresholds thresholds, LocalDate ingestedOn, boolean profiled) {
        this.confDir = requireNonNull(confDir, "confDir is null");
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.ingestedOn = requireNonNull(ingestedOn, "ingestedOn is null");
        this.profiled = profiled;
    }

    /**
     * The same baseline with DuckDB's profiler on: every step of the result carries its query tree
     * ({@code PRAGMA enable_profiling}, what {@code EXPLAIN ANALYZE} prints).
     */
    public DuckDbBaseline profiled() {
        return new DuckDbBaseline(confDir, thresholds, ingestedOn, true);
    }

    /** With conf/ and the thresholds of a run's configuration. */
    public static DuckDbBaseline of(ImonConfig config, LocalDate ingestedOn) {
        return new DuckDbBaseline(config.confDir(),
                config.gapThresholds(), ingestedOn);
    }

    /**
     * One timed step of a run: a load statement ({@code script} "load", one per raw table and header
     * layout, plus the file checks in Java) or a statement of refine.sql or marts.sql, labelled with the
     * table it creates; with DuckDB's profile (query tree with time and rows per operator) when profiled.
     */
    public record Step(String script, String label, Duration duration, String profile) {
        public Step {
            requireNonNull(script, "script is null");
            requireNonNull(label, "label is null");
            requireNonNull(duration, "duration is null");
        }

        /** "refine.sql: offers" */
        public String name() {
            return script + ": " + label;
        }
    }

    /** The marts and what it took to compute them. */
    public record Result(YearMonth firstMonth, YearMonth reportMonth, long inputRows, Duration load, Duration compute,
                         Map<Mart, MartRows> marts, List<Step> steps) {
        public Result {
            marts = Map.copyOf(marts);
            steps = List.copyOf(steps);
        }

        /** The {@code count} slowest steps of the compute scripts, slowest first. */
        public List<Step> heaviestStatements(int count) {
            return steps.stream().filter(s -> !s.script().equals(InputFiles.LOAD_STEP))
                    .sorted(Comparator.comparing(Step::duration).reversed()).limit(count).toList();
        }

        /** Load plus compute. */
        public Duration total() {
            return load.plus(compute);
        }

        public MartRows mart(Mart mart) {
            return marts.get(mart);
        }

        /** "refine.sql: events 3.12 s, marts.sql: offers_serving 1.40 s, …" for the slowest statements. */
        public String heaviestSummary(int count) {
            return heaviestStatements(count).stream()
                    .map(s -> String.format(Locale.ROOT, "%s %.2f s", s.name(), s.duration().toNanos() / 1e9))
                    .collect(Collectors.joining(", "));
        }

        /**
         * A plain-text profile: load and compute, every step with its time, then DuckDB's query tree (what
         * EXPLAIN ANALYZE prints) of the {@code trees} slowest statements where the run was profiled.
         */
        public String profileText(int trees) {
            StringBuilder text = new StringBuilder();
            text.append(String.format(Locale.ROOT, "DuckDB-Vergleichsrechnung %s bis %s: laden %.2f s, rechnen %.2f s, %,d Eingabezeilen%n%n",
                    firstMonth, reportMonth, load.toNanos() / 1e9, compute.toNanos() / 1e9, inputRows));
            text.append(String.format(Locale.ROOT, "%10s  %6s  %s%n", "Sekunden", "Anteil", "Schritt"));
            for (Step step : steps) {
                Duration of = step.script().equals(InputFiles.LOAD_STEP) ? load : compute;
                text.append(String.format(Locale.ROOT, "%10.3f  %5.1f%%  %s%n", step.duration().toNanos() / 1e9,
                        of.isZero() ? 0.0 : 100.0 * step.duration().toNanos() / of.toNanos(), step.name()));
            }
            for (Step step : heaviestStatements(trees)) {
                if (step.profile() != null) {
                    text.append(String.format(Locale.ROOT, "%n==== %s (%.2f s)%n%s%n", step.name(), step.duration().toNanos() / 1e9,
                            step.profile().strip()));
                }
            }
            return text.toString();
        }
    }

    /**
     * Computes the marts from {@code inputDir} for the covered months up to {@code month}, or up to the
     * contract's default report month when empty.
     */
    public Result run(Path inputDir, Optional<YearMonth> month) {
        requireNonNull(inputDir, "inputDir is null");
        requireNonNull(month, "month is null");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             InputFiles files = new InputFiles(inputDir, confDir)) {
            Steps steps = new Steps(connection, profiled);
            long started = System.nanoTime();
            // the scripts rely on rowid following the order of the lines in each file
            execute(connection, "SET preserve_insertion_order = true");
            if (profiled) {
                execute(connection, "PRAGMA enable_profiling = 'no_output'");
            }
            files.loadConf(connection);
            long inputRows = files.load(steps);
            long loaded = System.nanoTime();

            createParameters(connection);
            runScript(steps, REFINE_SCRIPT);
            YearMonth[] months = months(connection, month);
            try (PreparedStatement insert = connection.prepareStatement(
                    "CREATE TABLE report_months AS SELECT CAST(? AS DATE) AS first_month, CAST(? AS DATE) AS report_month")) {
                insert.setString(1, months[0].atDay(1).toString());
                insert.setString(2, months[1].atDay(1).toString());
                insert.execute();
            }
            runScript(steps, MARTS_SCRIPT);
            long computed = System.nanoTime();
            if (profiled) {
                execute(connection, "PRAGMA disable_profiling");
            }

            Map<Mart, MartRows> marts = new EnumMap<>(Mart.class);
            for (Mart mart : Mart.values()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", mart.columns()) + " FROM "
                             + mart.tableName())) {
                    marts.put(mart, MartRows.of(mart, rows));
                }
            }
            return new Result(months[0], months[1], inputRows, Duration.ofNanos(loaded - started),
                    Duration.ofNanos(computed - loaded), marts, steps.done());
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB baseline failed: " + e.getMessage(), e);
        }
    }

    private void createParameters(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("CREATE TABLE run_parameters AS SELECT "
                + "CAST(? AS DATE) AS ingested_on, CAST(? AS BIGINT) AS min_demand, CAST(? AS DOUBLE) AS coverage_index_limit")) {
            statement.setString(1, ingestedOn.toString());
            statement.setLong(2, thresholds.minDemand());
            statement.setDouble(3, thresholds.coverageIndexLimit());
            statement.execute();
        }
    }

    /** First covered month and report month; a report month before the first snapshot has no offers state. */
    private static YearMonth[] months(Connection connection, Optional<YearMonth> requested) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT first_month, latest_month FROM delivered_months")) {
            row.next();
            String first = row.getString(1);
            if (first == null) {
                throw new UserException(ErrorCategory.INPUT, "Keine gültige Angebotsdatei (offers/angebote_JJJJ-MM-TT.csv) gefunden; "
                        + "ohne Angebotsstand gibt es keine Berichtsmonate.");
            }
            String latest = row.getString(2);
            YearMonth firstMonth = YearMonth.parse(first);
            YearMonth reportMonth = requested.orElseGet(() -> YearMonth.parse(latest == null ? first : latest));
            if (reportMonth.isBefore(firstMonth)) {
                throw new UserException(ErrorCategory.INPUT, "Berichtsmonat " + reportMonth + " liegt vor dem ersten Angebotsstand (" + firstMonth
                        + "); für diesen Monat gibt es keine Daten.");
            }
            return new YearMonth[] {firstMonth, reportMonth};
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void runScript(Steps steps, String name) throws SQLException {
        for (String sql : statements(script(name))) {
            try {
                steps.execute(name, label(sql), sql);
            } catch (SQLException e) {
                throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e);
            }
        }
    }

    /** The name of the table (or "macro name") a statement creates; else its first words. */
    static String label(String sql) {
        Matcher created = CREATED.matcher(sql);
        if (created.find()) {
            return created.group(1).equalsIgnoreCase("MACRO") ? "macro " + created.group(2) : created.group(2);
        }
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
    }

    /** Runs statements on one connection, timing each (and keeping its profile when profiling is on). */
    static final class Steps {
        private final Connection connection;
        private final boolean profiled;
        private final List<Step> steps = new ArrayList<>();

        Steps(Connection connection, boolean profiled) {
            this.connection = connection;
            this.profiled = profiled;
        }

        Connection connection() {
            return connection;
        }

        void execute(String script, String label, String sql) throws SQLException {
            long started = System.nanoTime();
            DuckDbBaseline.execute(connection, sql);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String profile = profiled ? connection.unwrap(DuckDBConnection.class).getProfilingInformation(ProfilerPrintFormat.QUERY_TREE)
                    : null;
            steps.add(new Step(script, label, took, profile));
        }

        /** A step timed outside DuckDB (Java work of the load). */
        void add(String script, String label, Duration took) {
            steps.add(new Step(script, label, took, null));
        }

        List<Step> done() {
            return List.copyOf(steps);
        }
    }

    private static String script(String name) {
        try (InputStream in = DuckDbBaseline.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: comment lines dropped, a statement ends with a line ending in ';'. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("script ends without ';': " + current);
        }
        return statements;
    }
}
