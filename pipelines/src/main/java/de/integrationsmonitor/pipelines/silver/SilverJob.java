package de.integrationsmonitor.pipelines.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import de.integrationsmonitor.pipelines.catalog.Source;
import de.integrationsmonitor.pipelines.catalog.TableCatalog;
import de.integrationsmonitor.pipelines.catalog.TableDef;
import de.integrationsmonitor.pipelines.catalog.Warehouse;
import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final Warehouse warehouse;
    private final SilverRefinement refinement;
    private final Aliases aliases;

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

    public List<FileAccount> run(String runId) {
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

        Dataset<Row> quarantine = null;
        for (SilverRefinement.Refined result : refined.values()) {
            result.tables().forEach(warehouse::overwrite);
            Dataset<Row> rejected = result.rejected().withColumn("run_id", lit(runId));
            quarantine = quarantine == null ? rejected : quarantine.unionByName(rejected);
        }
        warehouse.overwrite(TableCatalog.SILVER_QUARANTINE, quarantine);
        return account(refined.keySet());
    }

    private Dataset<Row> bronze(Source source) {
        return warehouse.read(TableCatalog.bronze(source));
    }

    /** Counts rows per file in bronze, in the source's main silver table and in quarantine. */
    private List<FileAccount> account(Iterable<Source> sources) {
        Map<String, Long> quarantined = counts(warehouse.read(TableCatalog.SILVER_QUARANTINE), "source_file");
        List<FileAccount> accounts = new ArrayList<>();
        for (Source source : sources) {
            Map<String, Long> rowsIn = counts(warehouse.read(TableCatalog.bronze(source)), "_source_file");
            Map<String, Long> accepted = counts(warehouse.read(mainTable(source)), "source_file");
            rowsIn.forEach((file, in) -> accounts.add(new FileAccount(file, in, accepted.getOrDefault(file, 0L),
                    quarantined.getOrDefault(file, 0L))));
        }
        return accounts;
    }

    private static Map<String, Long> counts(Dataset<Row> rows, String fileColumn) {
        Map<String, Long> counts = new HashMap<>();
        rows.groupBy(col(fileColumn)).count().collectAsList()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
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
