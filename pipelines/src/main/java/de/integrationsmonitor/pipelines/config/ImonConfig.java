package de.integrationsmonitor.pipelines.config;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Typed settings of a run. Defaults live here and nowhere else; {@code conf/imon.properties}
 * overrides them and command-line options override the file.
 */
public record ImonConfig(
        Path projectRoot,
        Path confDir,
        Path inputPath,
        String warehousePath,
        Path outputPath,
        String sparkMaster,
        int shufflePartitions,
        List<String> reportAreas,
        long gapsMinDemand,
        double gapsCoverageIndexLimit,
        double accessCatchmentKm,
        int disclosureMinCount,
        int tteLimitDays,
        Map<String, String> tteIndicators) {

    public static final String INPUT_PATH = "input.path";
    public static final String WAREHOUSE_PATH = "warehouse.path";
    public static final String OUTPUT_PATH = "output.path";
    public static final String SPARK_MASTER = "spark.master";
    public static final String SHUFFLE_PARTITIONS = "spark.shuffle-partitions";
    /**
     * The Kreise and kreisfreie Städte to write reports for, by id, separated by commas; empty (the default): every
     * one in reference/org_units.csv with data in the report month.
     */
    public static final String REPORT_AREAS = "report.areas";
    /** The name of {@link #REPORT_AREAS} before it took a list (one area); still read, with the same meaning. */
    public static final String REPORT_AREA_ID_OLD = "report.area-id";
    public static final String GAPS_MIN_DEMAND = "gaps.min-demand";
    public static final String GAPS_COVERAGE_INDEX_LIMIT = "gaps.coverage-index-limit";
    /** The catchment radius d0 of gold.offer_access (E2SFCA), in km. */
    public static final String ACCESS_CATCHMENT_KM = "access.catchment-km";
    /** The limit of gold.time_to_event: the share reaching a milestone within this many days of Zuzug (56: eight weeks). */
    public static final String TTE_LIMIT_DAYS = "tte.limit-days";
    /**
     * Which delivered indicator (indicators.csv) each computed time-to-event share corresponds to, as
     * {@code milestone:Indikator-ID} separated by commas ({@code kursbeginn:IND-01}); the Modellprojekt-Evaluation
     * sets their target status side by side. Empty: no comparison.
     */
    public static final String TTE_INDICATORS = "tte.indicators";
    /** Counts of persons from 1 to this value minus one are shown as "•" in reports and exports. */
    public static final String DISCLOSURE_MIN_COUNT = "disclosure.min-count";

    private static final Map<String, String> DEFAULTS = defaults();
    private static final Set<String> KNOWN_KEYS = DEFAULTS.keySet();

    public ImonConfig {
        requireNonNull(projectRoot, "projectRoot is null");
        requireNonNull(confDir, "confDir is null");
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(warehousePath, "warehousePath is null");
        requireNonNull(outputPath, "outputPath is null");
        requireNonNull(sparkMaster, "sparkMaster is null");
        reportAreas = List.copyOf(requireNonNull(reportAreas, "reportAreas is null"));
        if (shufflePartitions < 1) {
            throw new ConfigException(SHUFFLE_PARTITIONS + " muss mindestens 1 sein, ist " + shufflePartitions);
        }
        if (!(accessCatchmentKm > 0) || Double.isInfinite(accessCatchmentKm)) {
            throw new ConfigException(ACCESS_CATCHMENT_KM + " muss eine positive Zahl (Kilometer) sein, ist " + accessCatchmentKm);
        }
        if (tteLimitDays < 1) {
            throw new ConfigException(TTE_LIMIT_DAYS + " muss mindestens 1 sein (Tage seit Zuzug), ist " + tteLimitDays);
        }
        tteIndicators = Map.copyOf(requireNonNull(tteIndicators, "tteIndicators is null"));
        if (disclosureMinCount < 1) {
            throw new ConfigException(DISCLOSURE_MIN_COUNT + " muss mindestens 1 sein (1 = nichts unterdrücken), ist "
                    + disclosureMinCount);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(INPUT_PATH, "sample-data");
        defaults.put(WAREHOUSE_PATH, "warehouse");
        defaults.put(OUTPUT_PATH, "out");
        defaults.put(SPARK_MASTER, "local[*]");
        defaults.put(SHUFFLE_PARTITIONS, "4");
        defaults.put(REPORT_AREAS, "");
        defaults.put(GAPS_MIN_DEMAND, "200");
        defaults.put(GAPS_COVERAGE_INDEX_LIMIT, "0.5");
        defaults.put(ACCESS_CATCHMENT_KM, "15");
        defaults.put(DISCLOSURE_MIN_COUNT, "3");
        defaults.put(TTE_LIMIT_DAYS, "56");
        defaults.put(TTE_INDICATORS, "kursbeginn:IND-01");
        return Map.copyOf(defaults);
    }

    /** The built-in defaults, paths resolved against {@code projectRoot}. */
    public static ImonConfig defaults(Path projectRoot) {
        return fromMap(projectRoot, projectRoot.resolve("conf"), DEFAULTS);
    }

    /**
     * Loads {@code imon.properties} from {@code confDir} if present, over the defaults.
     * Unknown keys are refused so a typo does not silently fall back to a default.
     */
    public static ImonConfig load(Path projectRoot, Path confDir) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        Path file = confDir.resolve("imon.properties");
        if (Files.isRegularFile(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new ConfigException("Konfigurationsdatei " + file + " kann nicht gelesen werden: " + e.getMessage());
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.equals(REPORT_AREA_ID_OLD) && !properties.containsKey(REPORT_AREAS)) {
                    values.put(REPORT_AREAS, properties.getProperty(key).trim());
                    continue;
                }
                if (!KNOWN_KEYS.contains(key)) {
                    throw new ConfigException("Unbekannter Schlüssel '" + key + "' in " + file
                            + "; erlaubt sind: " + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()));
                }
                values.put(key, properties.getProperty(key).trim());
            }
        }
        return fromMap(projectRoot, confDir, values);
    }

    private static ImonConfig fromMap(Path projectRoot, Path confDir, Map<String, String> values) {
        Path root = projectRoot.toAbsolutePath().normalize();
        return new ImonConfig(
                root,
                confDir.toAbsolutePath().normalize(),
                resolve(root, values.get(INPUT_PATH)),
                resolveLocation(root, values.get(WAREHOUSE_PATH)),
                resolve(root, values.get(OUTPUT_PATH)),
                values.get(SPARK_MASTER),
                parseInt(SHUFFLE_PARTITIONS, values.get(SHUFFLE_PARTITIONS)),
                parseList(values.get(REPORT_AREAS)),
                parseInt(GAPS_MIN_DEMAND, values.get(GAPS_MIN_DEMAND)),
                parseDouble(GAPS_COVERAGE_INDEX_LIMIT, values.get(GAPS_COVERAGE_INDEX_LIMIT)),
                parseDouble(ACCESS_CATCHMENT_KM, values.get(ACCESS_CATCHMENT_KM)),
                parseInt(DISCLOSURE_MIN_COUNT, values.get(DISCLOSURE_MIN_COUNT)),
                parseInt(TTE_LIMIT_DAYS, values.get(TTE_LIMIT_DAYS)),
                parseMilestoneIndicators(values.get(TTE_INDICATORS)));
    }

    public ImonConfig withInputPath(Path path) {
        return new ImonConfig(projectRoot, confDir, path.toAbsolutePath().normalize(), warehousePath, outputPath,
                sparkMaster, shufflePartitions, reportAreas, gapsMinDemand, gapsCoverageIndexLimit,
                accessCatchmentKm, disclosureMinCount, tteLimitDays, tteIndicators);
    }

    public ImonConfig withWarehousePath(String location) {
        return new ImonConfig(projectRoot, confDir, inputPath, resolveLocation(Path.of("").toAbsolutePath(), location),
                outputPath, sparkMaster, shufflePartitions, reportAreas, gapsMinDemand, gapsCoverageIndexLimit,
                accessCatchmentKm, disclosureMinCount, tteLimitDays, tteIndicators);
    }

    public ImonConfig withOutputPath(Path path) {
        return new ImonConfig(projectRoot, confDir, inputPath, warehousePath, path.toAbsolutePath().normalize(),
                sparkMaster, shufflePartitions, reportAreas, gapsMinDemand, gapsCoverageIndexLimit,
                accessCatchmentKm, disclosureMinCount, tteLimitDays, tteIndicators);
    }

    /** {@code kursbeginn:IND-01, erstberatung:IND-02} → milestone code → indicator id; a milestone gold does not measure is refused. */
    private static Map<String, String> parseMilestoneIndicators(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> measured = de.integrationsmonitor.pipelines.contract.Milestone.measured().stream()
                .map(de.integrationsmonitor.pipelines.contract.Milestone::code).toList();
        for (String entry : parseList(value)) {
            String[] parts = entry.split(":", -1);
            String milestone = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (parts.length != 2 || parts[1].isBlank() || !measured.contains(milestone)) {
                throw new ConfigException(TTE_INDICATORS + ": '" + entry + "' ist kein Paar Meilenstein:Indikator-ID; Meilensteine sind "
                        + String.join(", ", measured) + " (Beispiel: kursbeginn:IND-01)");
            }
            pairs.put(milestone, parts[1].trim());
        }
        return pairs;
    }

    private static Path resolve(Path root, String value) {
        return root.resolve(value).toAbsolutePath().normalize();
    }

    /** A warehouse may live on shared storage (a URI such as s3a://...); only plain paths are resolved. */
    private static String resolveLocation(Path root, String value) {
        if (value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return value;
        }
        return resolve(root, value).toString();
    }

    /** The thresholds of the gap rules and the catchment of the accessibility mart. */
    public de.integrationsmonitor.pipelines.contract.GapThresholds gapThresholds() {
        return new de.integrationsmonitor.pipelines.contract.GapThresholds(gapsMinDemand, gapsCoverageIndexLimit, accessCatchmentKm);
    }

    /** Another set of report areas (the {@code --area} option); empty: every area with data. */
    public ImonConfig withReportAreas(List<String> areas) {
        return new ImonConfig(projectRoot, confDir, inputPath, warehousePath, outputPath, sparkMaster, shufflePartitions, areas,
                gapsMinDemand, gapsCoverageIndexLimit, accessCatchmentKm, disclosureMinCount, tteLimitDays, tteIndicators);
    }

    /** "05562, 05711" as a list of ids; blank entries are ignored. */
    public static List<String> parseList(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    }

    private static double parseDouble(String key, String value) {
        try {
            return Double.parseDouble(value.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " muss eine Zahl sein, ist '" + value + "'");
        }
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " muss eine ganze Zahl sein, ist '" + value + "'");
        }
    }

}
