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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    private final Path confDir;
    private final GapThresholds thresholds;
    private final LocalDate ingestedOn;

    /**
     * @param confDir the conf/ folder (vocabularies.csv, city-aliases.csv, header-aliases.csv)
     * @param thresholds the gap rule's thresholds (gaps.min-demand, gaps.coverage-index-limit)
     * @param ingestedOn the delivery day: events dated later are rejected ({@code future_date}), as in a run
     *     started on that day
     */
    public DuckDbBaseline(Path confDir, GapThresholds thresholds, LocalDate ingestedOn) {
        this.confDir = requireNonNull(confDir, "confDir is null");
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.ingestedOn = requireNonNull(ingestedOn, "ingestedOn is null");
    }

    /** With conf/ and the thresholds of a run's configuration. */
    public static DuckDbBaseline of(ImonConfig config, LocalDate ingestedOn) {
        return new DuckDbBaseline(config.confDir(),
                new GapThresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit()), ingestedOn);
    }

    /** The marts and what it took to compute them. */
    public record Result(YearMonth firstMonth, YearMonth reportMonth, long inputRows, Duration load, Duration compute,
                         Map<Mart, MartRows> marts) {
        public Result {
            marts = Map.copyOf(marts);
        }

        /** Load plus compute. */
        public Duration total() {
            return load.plus(compute);
        }

        public MartRows mart(Mart mart) {
            return marts.get(mart);
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
            long started = System.nanoTime();
            // the scripts rely on rowid following the order of the lines in each file
            execute(connection, "SET preserve_insertion_order = true");
            files.loadConf(connection);
            long inputRows = files.load(connection);
            long loaded = System.nanoTime();

            createParameters(connection);
            runScript(connection, REFINE_SCRIPT);
            YearMonth[] months = months(connection, month);
            try (PreparedStatement insert = connection.prepareStatement(
                    "CREATE TABLE report_months AS SELECT CAST(? AS DATE) AS first_month, CAST(? AS DATE) AS report_month")) {
                insert.setString(1, months[0].atDay(1).toString());
                insert.setString(2, months[1].atDay(1).toString());
                insert.execute();
            }
            runScript(connection, MARTS_SCRIPT);
            long computed = System.nanoTime();

            Map<Mart, MartRows> marts = new EnumMap<>(Mart.class);
            for (Mart mart : Mart.values()) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT " + String.join(", ", mart.columns()) + " FROM "
                             + mart.tableName())) {
                    marts.put(mart, MartRows.of(mart, rows));
                }
            }
            return new Result(months[0], months[1], inputRows, Duration.ofNanos(loaded - started),
                    Duration.ofNanos(computed - loaded), marts);
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

    private static void runScript(Connection connection, String name) throws SQLException {
        for (String sql : statements(script(name))) {
            try {
                execute(connection, sql);
            } catch (SQLException e) {
                throw new SQLException(name + ": " + e.getMessage() + "\n" + sql, e);
            }
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
