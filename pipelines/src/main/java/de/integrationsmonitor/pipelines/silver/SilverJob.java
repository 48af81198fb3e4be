package de.integrationsmonitor.pipelines.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import de.integrationsmonitor.pipelines.catalog.Source;
import de.integrationsmonitor.pipelines.catalog.TableCatalog;
import de.integrationsmonitor.pipelines.catalog.TableDef;
import de.integrationsmonitor.pipelines.catalog.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rebuilds every silver table and the quarantine from bronze, in dependency order, and checks the
 * row accounting: per file, rows in bronze = rows accepted + rows quarantined.
 */
public final class SilverJob {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SilverJob.class);
    private final Warehouse warehouse;
    private final SilverRefinement refinement;
    private final Aliases aliases;
    private final Map<Source, Dataset<Row>> bronzeFrames = new java.util.EnumMap<>(Source.class);

    public SilverJob(Warehouse warehouse, Vocabularies vocabularies, Aliases aliases) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.aliases = requireNonNull(aliases, "aliases is null");
        this.refinement = new SilverRefinement(warehouse.spark(), vocabularies, aliases);
    }

    /** Row accounting of one source file in this run. */
    public record FileAccount(String sourceFile, long rowsIn, long rowsAccepted, long rowsQuarantined) {
        public boolean balances() {
            return rowsIn == rowsAccepted + rowsQuarantined;
        }
    }

    public List<FileAccount> run() {
        long started = System.nanoTime();
        Map<Source, SilverRefinement.Refined> refined = new LinkedHashMap<>();

        SilverRefinement.Refined orgUnits = refinement.orgUnits(bronze(Source.ORG_UNITS));
        Dataset<Row> silverOrgUnits = orgUnits.tables().get(TableCatalog.SILVER_ORG_UNITS).cache();
        OrgUnits units = OrgUnits.fromSilver(silverOrgUnits, aliases);
        refined.put(Source.ORG_UNITS, orgUnits);
        refined.put(Source.DEMAND, refinement.demand(bronze(Source.DEMAND), units));

        SilverRefinement.Refined offers = refinement.offers(bronze(Source.OFFERS), units);
        refined.put(Source.OFFERS, offers);
        Dataset<Row> silverOffers = offers.tables().get(TableCatalog.SILVER_OFFERS).cache();
        refined.put(Source.PARTICIPATION, refinement.events(bronze(Source.PARTICIPATION), silverOffers, units));

        SilverRefinement.Refined workshops = refinement.workshops(bronze(Source.WORKSHOPS), units);
        refined.put(Source.WORKSHOPS, workshops);
        refined.put(Source.STATEMENTS, refinement.statements(bronze(Source.STATEMENTS),
                workshops.tables().get(TableCatalog.SILVER_WORKSHOPS)));

        SilverRefinement.Refined projects = refinement.projects(bronze(Source.PROJECTS), units);
        SilverRefinement.Refined indicators = refinement.indicators(bronze(Source.INDICATORS));
        refined.put(Source.PROJECTS, projects);
        refined.put(Source.INDICATORS, indicators);
        refined.put(Source.INDICATOR_VALUES, refinement.indicatorValues(bronze(Source.INDICATOR_VALUES),
                projects.tables().get(TableCatalog.SILVER_PROJECTS), indicators.tables().get(TableCatalog.SILVER_INDICATORS)));

        Map<TableDef, Dataset<Row>> tables = new LinkedHashMap<>();
        Dataset<Row> quarantine = null;
        for (SilverRefinement.Refined result : refined.values()) {
            tables.putAll(result.tables());
            quarantine = quarantine == null ? result.rejected() : quarantine.unionByName(result.rejected());
        }
        tables.put(TableCatalog.SILVER_QUARANTINE, quarantine);
        long planned = System.nanoTime();
        warehouse.overwriteAll(tables);
        long written = System.nanoTime();
        List<FileAccount> accounts = account(refined.keySet(), tables);
        LOG.info("silver: refined in {} ms, written in {} ms, accounted in {} ms", (planned - started) / 1_000_000,
                (written - planned) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
        return accounts;
    }

    /** The bronze rows of a source, read once per run (the accounting counts the same snapshot). */
    private Dataset<Row> bronze(Source source) {
        return bronzeFrames.computeIfAbsent(source, s -> warehouse.read(TableCatalog.bronze(s)));
    }

    /**
     * Counts rows per file in bronze, in each source's main silver table and in quarantine, in one query.
     * The silver side counts the frames just written (the tables hold exactly these rows), which spares
     * reading every table back.
     */
    private List<FileAccount> account(Iterable<Source> sources, Map<TableDef, Dataset<Row>> written) {
        Dataset<Row> counted = null;
        for (Source source : sources) {
            Dataset<Row> in = bronze(source).select(col("_source_file").as("source_file"),
                    lit(1L).as("rows_in"), lit(0L).as("rows_accepted"), lit(0L).as("rows_quarantined"));
            Dataset<Row> accepted = written.get(mainTable(source)).select(col("source_file"),
                    lit(0L).as("rows_in"), lit(1L).as("rows_accepted"), lit(0L).as("rows_quarantined"));
            counted = counted == null ? in.unionByName(accepted) : counted.unionByName(in).unionByName(accepted);
        }
        counted = counted.unionByName(written.get(TableCatalog.SILVER_QUARANTINE).select(col("source_file"),
                lit(0L).as("rows_in"), lit(0L).as("rows_accepted"), lit(1L).as("rows_quarantined")));
        List<FileAccount> accounts = new ArrayList<>();
        counted.groupBy("source_file").agg(sum("rows_in"), sum("rows_accepted"), sum("rows_quarantined"))
                .orderBy("source_file").collectAsList()
                .forEach(row -> accounts.add(new FileAccount(row.getString(0), row.getLong(1), row.getLong(2), row.getLong(3))));
        return accounts;
    }

    /** The silver table holding one row per accepted input row of a source. */
    static TableDef mainTable(Source source) {
        return switch (source) {
            case ORG_UNITS -> TableCatalog.SILVER_ORG_UNITS;
            case DEMAND -> TableCatalog.SILVER_DEMAND;
            case OFFERS -> TableCatalog.SILVER_OFFERS;
            case PARTICIPATION -> TableCatalog.SILVER_EVENTS;
            case WORKSHOPS -> TableCatalog.SILVER_WORKSHOPS;
            case STATEMENTS -> TableCatalog.SILVER_STATEMENTS;
            case PROJECTS -> TableCatalog.SILVER_PROJECTS;
            case INDICATORS -> TableCatalog.SILVER_INDICATORS;
            case INDICATOR_VALUES -> TableCatalog.SILVER_INDICATOR_VALUES;
        };
    }
}
