package de.integrationsmonitor.pipelines.run;

import de.integrationsmonitor.pipelines.bronze.BronzeIngestion;
import de.integrationsmonitor.pipelines.bronze.CsvFileReader;
import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.config.ImonConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the last successful run saw, kept beside the warehouse ({@code _imon/last-successful-run.properties}) so that a
 * rerun can tell before Spark starts that there is nothing to do: the same delivered files (SHA-256), the same
 * settings fingerprint, the same report month, and no Delta table changed since (the latest commit file in each
 * {@code _delta_log} folder). Then the run's answer is the last run's: silver, gold and the reports are current.
 * Only for a warehouse on the local file system; on shared storage the check is left to the Spark path
 * ({@link Pipeline#upToDate}), which reaches the same verdict after bronze.
 */
public final class RunManifest {
    static final String FILE = "_imon/last-successful-run.properties";
    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

    /** What the last successful run read and left. */
    /**
     * @param areas the report areas requested ({@code --area}, {@code report.areas}), comma-separated; empty: all
     * @param reports each area's Monatsbericht, relative to the output folder
     */
    public record State(String runId, String settings, YearMonth reportMonth, boolean monthRequested, String areas,
                        List<String> reports, Map<String, String> files, Map<String, Long> tableVersions) {
        public State {
            reports = List.copyOf(reports);
        }
    }

    private RunManifest() {}

    /** Writes the manifest of a successful run (replacing the last one); silently skipped for a non-local warehouse. */
    static void write(String warehouseRoot, State state) {
        Optional<Path> file = localFile(warehouseRoot);
        if (file.isEmpty()) {
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("run_id", state.runId());
        properties.setProperty("settings", state.settings());
        properties.setProperty("report_month", state.reportMonth().toString());
        properties.setProperty("month_requested", String.valueOf(state.monthRequested()));
        properties.setProperty("areas", state.areas());
        properties.setProperty("reports", String.join(",", state.reports()));
        state.files().forEach((name, checksum) -> properties.setProperty("file." + name, checksum));
        state.tableVersions().forEach((table, version) -> properties.setProperty("table." + table, String.valueOf(version)));
        try {
            Files.createDirectories(file.get().getParent());
            Path temporary = file.get().resolveSibling(file.get().getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(out, "the last successful run of this warehouse (Integrationsmonitor)");
            }
            Files.move(temporary, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.get() + ": " + e.getMessage(), e);
        }
    }

    /** Removes the manifest (a run that writes anything makes it stale until it succeeds). */
    public static void invalidate(String warehouseRoot) {
        localFile(warehouseRoot).ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The last successful run, when a run with these inputs has nothing to do: every delivered file unchanged, no file
     * added or gone, no file rejected last time, the same settings, the same report month ({@code requested}, or the
     * default when the last run used the default too), the same report areas, every table at the version that run
     * left, and each area's Monatsbericht of the month in {@code outputDir}. Empty otherwise (or when anything cannot
     * be read): the normal run decides.
     */
    public static Optional<State> upToDate(String warehouseRoot, Path inputDir, Path confDir, Optional<YearMonth> requested,
                                            List<String> areas, Path outputDir) {
        try {
            Optional<State> last = read(warehouseRoot);
            if (last.isEmpty() || last.get().files().containsValue("rejected")) {
                return Optional.empty();
            }
            State state = last.get();
            Map<String, String> delivered = delivered(inputDir);
            state.files().forEach((name, checksum) -> {
                if ("ignored".equals(checksum) && delivered.containsKey(name)) {
                    delivered.put(name, checksum); // a CSV outside the contract: only its presence counts
                }
            });
            boolean sameMonth = requested.map(month -> month.equals(state.reportMonth())).orElse(!state.monthRequested());
            if (!sameMonth || !RunPlanner.fingerprint(confDir).equals(state.settings()) || !String.join(",", areas).equals(state.areas())
                    || state.reports().isEmpty() || !state.reports().stream().allMatch(report -> Files.exists(outputDir.resolve(report)))
                    || !delivered.equals(state.files())) {
                return Optional.empty();
            }
            Path root = Path.of(warehouseRoot.replaceFirst("^file:", ""));
            for (Map.Entry<String, Long> table : state.tableVersions().entrySet()) {
                Path log = root.resolve(table.getKey().replace('.', '/')).resolve("_delta_log");
                if (latestCommit(log) != table.getValue()) {
                    return Optional.empty();
                }
            }
            return Optional.of(state);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable manifest, input or log: let the normal run decide
        }
    }

    /** The manifest's state, if there is one. */
    static Optional<State> read(String warehouseRoot) throws IOException {
        Optional<Path> file = localFile(warehouseRoot);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> files = new TreeMap<>();
        Map<String, Long> tables = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("file.")) {
                files.put(key.substring("file.".length()), properties.getProperty(key));
            } else if (key.startsWith("table.")) {
                tables.put(key.substring("table.".length()), Long.parseLong(properties.getProperty(key)));
            }
        }
        return Optional.of(new State(properties.getProperty("run_id"), properties.getProperty("settings"),
                YearMonth.parse(properties.getProperty("report_month")), Boolean.parseBoolean(properties.getProperty("month_requested")),
                properties.getProperty("areas", ""), ImonConfig.parseList(properties.getProperty("reports", "")), files, tables));
    }

    /** Per delivered file as bronze names it, its SHA-256 (what the manifest records for a file bronze read). */
    static Map<String, String> delivered(Path inputDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : BronzeIngestion.deliveredFiles(inputDir)) {
            files.put(BronzeIngestion.relativePath(inputDir, file), CsvFileReader.sha256(Files.readAllBytes(file)));
        }
        return files;
    }

    /** Per file of a run's bronze outcomes the checksum, or {@code rejected}, or {@code ignored} (a CSV outside the contract). */
    static Map<String, String> files(List<FileOutcome> outcomes) {
        Map<String, String> files = new TreeMap<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.status() == FileOutcome.Status.REJECTED) {
                files.put(outcome.sourceFile(), "rejected");
            } else if (outcome.status() == FileOutcome.Status.IGNORED) {
                files.put(outcome.sourceFile(), "ignored");
            } else {
                files.put(outcome.sourceFile(), outcome.checksum());
            }
        }
        return files;
    }

    private static long latestCommit(Path log) throws IOException {
        try (Stream<Path> files = Files.list(log)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> COMMIT_FILE.matcher(name).matches())
                    .mapToLong(name -> Long.parseLong(name.substring(0, 20))).max().orElse(-1);
        }
    }

    private static Optional<Path> localFile(String warehouseRoot) {
        if (warehouseRoot.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !warehouseRoot.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(warehouseRoot.replaceFirst("^file:", "")).resolve(FILE));
    }
}
