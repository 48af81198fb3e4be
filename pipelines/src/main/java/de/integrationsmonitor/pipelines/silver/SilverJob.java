package de.integrationsmonitor.pipelines.silver;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.RunScope;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
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
        this.refinement = new SilverRefinement(warehouse.spark(), vocabularies);
    }

    /** Row accounting of one source file in this run. */
    public record FileAccount(String sourceFile, long rowsIn, long rowsAccepted, long rowsQuarantined) {
        public boolean balances() {
            return rowsIn == rowsAccepted + rowsQuarantined;
        }
    }

    /**
     * What silver changed, for gold: the months of the events refined again, the date of the earliest
     * changed offers snapshot, and whether workshops changed. For a full rebuild everything changed.
     */
    public record Outcome(List<FileAccount> accounts, boolean full, Set<String> eventMonths,
                          Optional<LocalDate> offersChangedFrom, boolean workshopsChanged) {
        static Outcome full(List<FileAccount> accounts) {
            return new Outcome(accounts, true, Set.of(), Optional.empty(), true);
        }
    }

    /** Rebuilds silver completely or, for an incremental scope, refines only what changed. */
    public Outcome run(RunScope scope) {
        return scope.isFull() ? Outcome.full(run()) : runIncremental(scope);
    }

    /** Rebuilds every silver table and the quarantine from bronze. */
    public List<FileAccount> run() {
        long started = System.nanoTime();
        Map<Source, SilverRefinement.Refined> refined = new LinkedHashMap<>();

        SilverRefinement.Refined orgUnits = refinement.orgUnits(bronze(Source.ORG_UNITS));
        Dataset<Row> silverOrgUnits = orgUnits.tables().get(TableCatalog.SILVER_ORG_UNITS).cache();
        OrgUnits units = OrgUnits.fromSilver(silverOrgUnits, aliases);
        refined.put(Source.ORG_UNITS, orgUnits);
        refined.put(Source.DEMAND, refinement.demand(bronze(Source.DEMAND), units));
        refined.put(Source.BOUNDARIES, refinement.boundaries(bronze(Source.BOUNDARIES), units));

        SilverRefinement.Refined offers = refinement.offers(bronze(Source.OFFERS), units);
        refined.put(Source.OFFERS, offers);
        Dataset<Row> silverOffers = offers.tables().get(TableCatalog.SILVER_OFFERS).cache();
        refined.put(Source.PARTICIPATION, refinement.events(bronze(Source.PARTICIPATION), silverOffers, units));

        refineWorkshops(refined, units);
        refineModelProjects(refined, units);

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

    /**
     * Refines only the files loaded since the last successful run, and what depends on them:
     * <ul>
     * <li>changed offers snapshots replace their snapshot's rows; the history is rebuilt from all snapshots;</li>
     * <li>changed participation files replace their rows, and so do files with events whose offer is in a
     *     changed snapshot and might now resolve to another (or a first) snapshot;</li>
     * <li>workshops and model projects are small and are refined completely when any of their files changed.</li>
     * </ul>
     * The quarantine rows of every refined file are replaced; the row accounting covers the refined files.
     */
    private Outcome runIncremental(RunScope scope) {
        long started = System.nanoTime();
        OrgUnits units = OrgUnits.fromSilver(warehouse.read(TableCatalog.SILVER_ORG_UNITS), aliases);
        Map<Source, SilverRefinement.Refined> refined = new LinkedHashMap<>();
        Set<String> refinedFiles = new TreeSet<>();

        Optional<LocalDate> offersFrom = Optional.empty();
        Set<String> participationFiles = new TreeSet<>(scope.changed(Source.PARTICIPATION));
        if (scope.anyChanged(Source.OFFERS)) {
            Set<String> files = scope.changed(Source.OFFERS);
            List<LocalDate> dates = files.stream().map(f -> LocalDate.parse(Source.OFFERS.periodOf(f).orElseThrow())).sorted().toList();
            offersFrom = Optional.of(dates.get(0));
            String inDates = Warehouse.in("snapshot_date", dates.stream().map(d -> "DATE'" + d + "'").toList());
            Dataset<Row> before = warehouse.read(TableCatalog.SILVER_OFFERS);
            List<String> earlierIds = before.filter(expr("snapshot_date < DATE'" + dates.get(0) + "'")).filter(expr("NOT " + inDates))
                    .select("offer_id").distinct().as(Encoders.STRING()).collectAsList();
            List<String> replacedIds = before.filter(expr(inDates)).select("offer_id").distinct().as(Encoders.STRING()).collectAsList();

            bronzeFrames.put(Source.OFFERS, bronzeOf(Source.OFFERS, files));
            SilverRefinement.Refined offers = refinement.offers(bronze(Source.OFFERS), units);
            refined.put(Source.OFFERS, offers);
            refinedFiles.addAll(files);
            List<Runnable> writes = new ArrayList<>();
            offers.tables().forEach((table, rows) -> {
                if (!table.equals(TableCatalog.SILVER_OFFER_HISTORY)) {
                    writes.add(() -> warehouse.replaceWhere(table, inDates, rows));
                }
            });
            warehouse.inParallel(writes);
            warehouse.overwrite(TableCatalog.SILVER_OFFER_HISTORY, OfferHistory.fromSnapshots(
                    warehouse.read(TableCatalog.SILVER_OFFERS), offerBridges()));

            // Events of an offer in a changed snapshot may resolve to another snapshot's Gemeinde (dated on or
            // after the change), or to a first one (when no earlier snapshot held the offer).
            Set<String> changedIds = new java.util.HashSet<>(replacedIds);
            warehouse.read(TableCatalog.SILVER_OFFERS).filter(expr(inDates)).select("offer_id").distinct()
                    .as(Encoders.STRING()).collectAsList().forEach(changedIds::add);
            participationFiles.addAll(filesWithEventsOf(changedIds, Set.copyOf(earlierIds), dates.get(0)));
        }

        Set<String> eventMonths = new TreeSet<>();
        if (!participationFiles.isEmpty()) {
            String inFiles = Warehouse.in("source_file", participationFiles.stream().map(Warehouse::literal).toList());
            eventMonths.addAll(monthsOf(warehouse.read(TableCatalog.SILVER_EVENTS).filter(expr(inFiles))));
            bronzeFrames.put(Source.PARTICIPATION, bronzeOf(Source.PARTICIPATION, participationFiles));
            SilverRefinement.Refined events = refinement.events(bronze(Source.PARTICIPATION),
                    warehouse.read(TableCatalog.SILVER_OFFERS), units);
            refined.put(Source.PARTICIPATION, events);
            refinedFiles.addAll(participationFiles);
            Dataset<Row> rows = events.tables().get(TableCatalog.SILVER_EVENTS);
            warehouse.replaceWhere(TableCatalog.SILVER_EVENTS, inFiles, rows);
            eventMonths.addAll(monthsOf(warehouse.read(TableCatalog.SILVER_EVENTS).filter(expr(inFiles))));
        }

        boolean workshopsChanged = scope.anyChanged(Source.WORKSHOPS, Source.STATEMENTS);
        Map<TableDef, Dataset<Row>> overwritten = new LinkedHashMap<>();
        if (workshopsChanged) {
            refineWorkshops(refined, units);
            refinedFiles.addAll(allFiles(Source.WORKSHOPS, Source.STATEMENTS));
        }
        if (scope.anyChanged(Source.PROJECTS, Source.INDICATORS, Source.INDICATOR_VALUES, Source.CASE_EVENTS)) {
            refineModelProjects(refined, units);
            refinedFiles.addAll(allFiles(Source.PROJECTS, Source.INDICATORS, Source.INDICATOR_VALUES, Source.CASE_EVENTS));
        }
        if (scope.anyChanged(Source.BOUNDARIES)) {
            // shapes only: nothing else depends on them, so a new boundaries file needs no full rebuild
            refined.put(Source.BOUNDARIES, refinement.boundaries(bronze(Source.BOUNDARIES), units));
            refinedFiles.addAll(allFiles(Source.BOUNDARIES));
        }
        for (Source source : List.of(Source.BOUNDARIES, Source.WORKSHOPS, Source.STATEMENTS, Source.PROJECTS, Source.INDICATORS,
                Source.INDICATOR_VALUES, Source.CASE_EVENTS)) {
            if (refined.containsKey(source)) {
                overwritten.putAll(refined.get(source).tables());
            }
        }
        if (refined.isEmpty()) {
            LOG.info("silver: nothing changed since the last successful run");
            return new Outcome(List.of(), false, Set.of(), Optional.empty(), false);
        }
        Dataset<Row> quarantine = null;
        for (SilverRefinement.Refined result : refined.values()) {
            quarantine = quarantine == null ? result.rejected() : quarantine.unionByName(result.rejected());
        }
        warehouse.overwriteAll(overwritten);
        warehouse.replaceWhere(TableCatalog.SILVER_QUARANTINE,
                Warehouse.in("source_file", refinedFiles.stream().map(Warehouse::literal).toList()), quarantine);

        Map<TableDef, Dataset<Row>> written = new LinkedHashMap<>();
        refined.values().forEach(result -> written.putAll(result.tables()));
        written.put(TableCatalog.SILVER_QUARANTINE, quarantine);
        List<FileAccount> accounts = account(refined.keySet(), written);
        LOG.info("silver: incremental, {} file(s) refined in {} ms", refinedFiles.size(), (System.nanoTime() - started) / 1_000_000);
        return new Outcome(accounts, false, eventMonths, offersFrom, workshopsChanged);
    }

    /** Workshops and their statements, refined whole (small sources). */
    private void refineWorkshops(Map<Source, SilverRefinement.Refined> refined, OrgUnits units) {
        SilverRefinement.Refined workshops = refinement.workshops(bronze(Source.WORKSHOPS), units);
        refined.put(Source.WORKSHOPS, workshops);
        refined.put(Source.STATEMENTS, refinement.statements(bronze(Source.STATEMENTS),
                workshops.tables().get(TableCatalog.SILVER_WORKSHOPS)));
    }

    /** Model projects, indicators, their values and the case milestones, refined whole (small sources). */
    private void refineModelProjects(Map<Source, SilverRefinement.Refined> refined, OrgUnits units) {
        SilverRefinement.Refined projects = refinement.projects(bronze(Source.PROJECTS), units);
        SilverRefinement.Refined indicators = refinement.indicators(bronze(Source.INDICATORS));
        refined.put(Source.PROJECTS, projects);
        refined.put(Source.INDICATORS, indicators);
        refined.put(Source.INDICATOR_VALUES, refinement.indicatorValues(bronze(Source.INDICATOR_VALUES),
                projects.tables().get(TableCatalog.SILVER_PROJECTS), indicators.tables().get(TableCatalog.SILVER_INDICATORS)));
        refined.put(Source.CASE_EVENTS, refinement.caseEvents(bronze(Source.CASE_EVENTS), projects.tables().get(TableCatalog.SILVER_PROJECTS)));
    }

    /** The bronze rows of some files of a source. */
    private Dataset<Row> bronzeOf(Source source, Set<String> files) {
        return warehouse.read(TableCatalog.bronze(source))
                .filter(expr(Warehouse.in("_source_file", files.stream().map(Warehouse::literal).toList())));
    }

    private Set<String> allFiles(Source... sources) {
        Set<String> files = new TreeSet<>();
        for (Source source : sources) {
            files.addAll(bronze(source).select("_source_file").distinct().as(Encoders.STRING()).collectAsList());
        }
        return files;
    }

    private Map<String, Dataset<Row>> offerBridges() {
        return OfferCodes.bridges(warehouse.read(TableCatalog.SILVER_OFFER_CODES));
    }

    /**
     * Participation files holding an event of one of {@code offerIds} that a changed snapshot dated
     * {@code from} or later can affect: the event is dated on or after it (or has no valid date), or no
     * unchanged snapshot before it held the offer.
     */
    private Set<String> filesWithEventsOf(Set<String> offerIds, Set<String> earlierIds, LocalDate from) {
        if (offerIds.isEmpty()) {
            return Set.of();
        }
        Dataset<Row> ids = warehouse.spark().createDataset(List.copyOf(offerIds), Encoders.STRING()).toDF("_changed_id");
        Dataset<Row> earlier = warehouse.spark().createDataset(List.copyOf(earlierIds), Encoders.STRING()).toDF("_earlier_id");
        Dataset<Row> events = warehouse.read(TableCatalog.bronze(Source.PARTICIPATION))
                .select(col("_source_file"), expr(Sql.text("offer_id")).as("_offer_id"), expr(Sql.date("event_date")).as("_event_date"));
        return new TreeSet<>(events.join(ids, col("_offer_id").equalTo(col("_changed_id")), "left_semi")
                .join(earlier, col("_offer_id").equalTo(col("_earlier_id")), "left")
                .filter(col("_earlier_id").isNull().or(expr("NOT coalesce(_event_date < DATE'" + from + "', false)")))
                .select("_source_file").distinct().as(Encoders.STRING()).collectAsList());
    }

    private static Set<String> monthsOf(Dataset<Row> events) {
        return new TreeSet<>(events.select(expr("date_format(event_date, 'yyyy-MM')")).distinct().as(Encoders.STRING()).collectAsList());
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
        Frames.collectSorted(counted.groupBy("source_file").agg(sum("rows_in"), sum("rows_accepted"), sum("rows_quarantined")), "source_file")
                .forEach(row -> accounts.add(new FileAccount(row.getString(0), row.getLong(1), row.getLong(2), row.getLong(3))));
        return accounts;
    }

    /** The silver table holding one row per accepted input row of a source. */
    static TableDef mainTable(Source source) {
        return switch (source) {
            case ORG_UNITS -> TableCatalog.SILVER_ORG_UNITS;
            case BOUNDARIES -> TableCatalog.SILVER_BOUNDARIES;
            case DEMAND -> TableCatalog.SILVER_DEMAND;
            case OFFERS -> TableCatalog.SILVER_OFFERS;
            case PARTICIPATION -> TableCatalog.SILVER_EVENTS;
            case WORKSHOPS -> TableCatalog.SILVER_WORKSHOPS;
            case STATEMENTS -> TableCatalog.SILVER_STATEMENTS;
            case PROJECTS -> TableCatalog.SILVER_PROJECTS;
            case INDICATORS -> TableCatalog.SILVER_INDICATORS;
            case INDICATOR_VALUES -> TableCatalog.SILVER_INDICATOR_VALUES;
            case CASE_EVENTS -> TableCatalog.SILVER_CASE_EVENTS;
        };
    }
}
