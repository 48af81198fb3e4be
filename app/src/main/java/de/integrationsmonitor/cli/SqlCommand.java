package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.warehouse.SparkSessions;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code imon sql}: Spark SQL over the warehouse, read-only unless --allow-write. */
@Command(name = "sql",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        description = {"Führt Spark SQL über dem Warehouse aus. Tabellen heißen bronze.NAME, silver.NAME, gold.NAME.",
                "Ohne --allow-write sind nur SELECT, WITH, SHOW und DESCRIBE erlaubt."},
        footer = {"", "Beispiele:",
                "  ./imon sql --format csv \"SELECT * FROM gold.kpi_monthly\"",
                "  ./imon sql --file notebooks-sql/teilnahme_trend.sql",
                "  ./imon sql \"SHOW TABLES IN gold\""})
final class SqlCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    GermanHelp germanHelp = new GermanHelp();

    enum Format { table, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common = new CommonOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Query query;

    static final class Query {
        @Parameters(paramLabel = "ABFRAGE", description = "Die SQL-Abfrage.")
        String text;

        @Option(names = "--file", paramLabel = "DATEI", description = "SQL-Datei (Notebook) mit einer oder mehreren Abfragen, getrennt durch ';'.")
        Path file;
    }

    @Option(names = "--format", description = "Ausgabeformat: ${COMPLETION-CANDIDATES} (Standard: ${DEFAULT-VALUE}).", defaultValue = "table")
    Format format;

    @Option(names = "--max-rows", paramLabel = "ANZAHL", description = "Höchstzahl ausgegebener Zeilen je Abfrage im Tabellenformat (Standard: ${DEFAULT-VALUE}).", defaultValue = "200")
    int maxRows;

    @Option(names = "--allow-write", description = "Auch schreibende Anweisungen erlauben (INSERT, UPDATE, DELETE, MERGE, CREATE …).")
    boolean allowWrite;

    @Override
    public Integer call() {
        ImonConfig config = common.config();
        List<SqlScript.Statement> statements = SqlScript.split(scriptText());
        if (statements.isEmpty()) {
            throw new UserException(ErrorCategory.USAGE, "Keine SQL-Anweisung gefunden.");
        }
        if (!allowWrite) {
            statements.forEach(SqlScript::requireReadOnly);
        }
        SparkSession spark = SparkSessions.getOrCreate(config);
        Warehouse warehouse = new Warehouse(spark, config.warehousePath());
        if (warehouse.registerExisting().isEmpty()) {
            throw new UserException(ErrorCategory.WAREHOUSE, "Das Warehouse " + config.warehousePath() + " enthält keine Tabellen. Zuerst ./imon run ausführen.");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < statements.size(); i++) {
            SqlScript.Statement statement = statements.get(i);
            Dataset<Row> result = execute(spark, statement);
            if (format == Format.csv) {
                if (i > 0) {
                    out.println();
                }
                TextTable.writeCsv(result, out);
            } else {
                if (statement.title() != null) {
                    out.println("-- " + statement.title());
                }
                TextTable.writeTable(result, maxRows, out);
                out.println();
            }
        }
        out.flush();
        return 0;
    }

    private String scriptText() {
        if (query.file == null) {
            return query.text;
        }
        Path file = query.file.isAbsolute() ? query.file : Path.of("").toAbsolutePath().resolve(query.file);
        if (!Files.isRegularFile(file)) {
            Path fromHome = Imon.home().resolve(query.file);
            if (!Files.isRegularFile(fromHome)) {
                throw new UserException(ErrorCategory.USAGE, "SQL-Datei " + query.file + " nicht gefunden.");
            }
            file = fromHome;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(ErrorCategory.USAGE, "SQL-Datei " + file + " kann nicht gelesen werden: " + e.getMessage());
        }
    }

    private static Dataset<Row> execute(SparkSession spark, SqlScript.Statement statement) {
        try {
            return spark.sql(statement.sql());
        } catch (Exception e) { // Spark throws AnalysisException (checked in Java) without declaring it
            if (e instanceof AnalysisException || e.getClass().getName().contains("ParseException")) {
                throw new UserException(ErrorCategory.QUERY, "SQL-Fehler in Anweisung " + statement.number() + ": " + oneLine(e.getMessage()));
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s+", " ").trim();
    }
}
