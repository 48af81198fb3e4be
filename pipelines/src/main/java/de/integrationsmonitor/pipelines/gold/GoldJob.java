package de.integrationsmonitor.pipelines.gold;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.max;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.Period;
import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TableDef;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.contract.UserException;
import de.integrationsmonitor.pipelines.gold.dims.IndicatorDimension;
import de.integrationsmonitor.pipelines.gold.dims.ModelProjectDimension;
import de.integrationsmonitor.pipelines.gold.dims.OrgUnitDimension;
import de.integrationsmonitor.pipelines.gold.facts.DataAsOf;
import de.integrationsmonitor.pipelines.gold.facts.EventsByCategory;
import de.integrationsmonitor.pipelines.gold.facts.OffersActiveMonthly;
import de.integrationsmonitor.pipelines.gold.facts.ParticipationEvents;
import de.integrationsmonitor.pipelines.gold.facts.QuarantineSummary;
import de.integrationsmonitor.pipelines.gold.marts.GapMarts;
import de.integrationsmonitor.pipelines.gold.marts.IndicatorAttainment;
import de.integrationsmonitor.pipelines.gold.marts.KpiMonthly;
import de.integrationsmonitor.pipelines.gold.marts.TimeToEvent;
import de.integrationsmonitor.pipelines.gold.marts.WorkshopEvaluation;
import de.integrationsmonitor.pipelines.silver.OfferCodes;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import de.integrationsmonitor.pipelines.warehouse.Frames;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Builds the gold facts and marts from silver for the covered months up to the report month. */
public final class GoldJob {
    /** Key of the category codes in the codes map. */
    public static final String CATEGORY = "category";
    /** Key of the Klimakonferenz category codes (sonne, wolke, gewitter, wind) in the codes map. */
    public static final String WEATHER = "weather";

    private final Warehouse warehouse;
    private final GapThresholds thresholds;
    private final Map<String, List<String>> codes;
    private final int limitDays;

    /**
     * {@code codes}: under a {@link TargetGroup}'s code, every code of that dimension (the values an offer open to all serves) and,
     * under {@link #CATEGORY}, every offer category (the columns of the supply matrix), under {@link #WEATHER}
     * the Klimakonferenz categories.
     */
    public GoldJob(Warehouse warehouse, GapThresholds thresholds, Map<String, List<String>> codes, int limitDays) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.thresholds = requireNonNull(thresholds, "thresholds is null");
        this.codes = Map.copyOf(codes);
        this.limitDays = limitDays;
    }

    /**
     * The report month, the covered months (from the first snapshot's month up to the latest delivered month or
     * the report month, whichever is later), the months this run computed (all of them, or for an incremental run
     * those its changes touch), and the seconds spent on the coverage-gap marts.
     */
    public record Result(YearMonth reportMonth, List<YearMonth> months, List<YearMonth> computedMonths, double gapSeconds,
                         double accessSeconds, Cases cases) {
        public boolean incremental() {
            return computedMonths.size() < months.size();
        }
    }

    /**
     * The case milestones behind gold.time_to_event: the projects with counted cases, the cases counted, per project
     * the cases without a valid Zuzug ("ohne Zuzug"; only projects with any), and the seconds of the estimate (its Spark
     * reduction and the product-limit estimate on the driver, not the write), for the run output.
     */
    public record Cases(int projects, long counted, Map<String, Long> withoutStart, double seconds) {
        public static final Cases NONE = new Cases(0, 0, Map.of(), 0);

        public Cases {
            withoutStart = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(withoutStart));
        }
    }

    /**
     * What gold holds when nothing changed since it was computed: the report month ({@code requestedMonth}, else the
     * latest delivered month) and the covered months, read from gold.fct_data_as_of (one row per covered month);
     * nothing computed. Empty when the report month is not among the covered months (gold has to extend them).
     */
    public Optional<Result> current(Optional<YearMonth> requestedMonth) {
        if (!warehouse.exists(TableCatalog.GOLD_DATA_AS_OF)) {
            return Optional.empty();
        }
        List<YearMonth> covered = Frames.collectSorted(warehouse.read(TableCatalog.GOLD_DATA_AS_OF).select("month").distinct(), "month")
                .stream().map(row -> YearMonth.parse(row.getString(0))).toList();
        YearMonth reportMonth = requestedMonth.orElseGet(this::latestDeliveredMonth);
        if (!covered.contains(reportMonth)) {
            return Optional.empty();
        }
        return Optional.of(new Result(reportMonth, covered, List.of(), 0, 0, Cases.NONE));
    }

    /** Computes every covered month. */
    public Result run(Optional<YearMonth> requestedMonth) {
        return run(requestedMonth, null);
    }

    /**
     * Computes the covered months that {@code changes} touch (every one when {@code changes} is null or a
     * full rebuild): months with events refined again, months from the earliest changed offers snapshot on,
     * months not yet in gold, and the report month. The monthly tables get exactly those months replaced; the
     * small tables (workshops, model projects) are recomputed whole.
     */
    public Result run(Optional<YearMonth> requestedMonth, SilverJob.Outcome changes) {
        Dataset<Row> history = warehouse.read(TableCatalog.SILVER_OFFER_HISTORY);
        Row first = history.agg(org.apache.spark.sql.functions.min("valid_from")).first();
        if (first.isNullAt(0)) {
            throw new UserException(ErrorCategory.INPUT, "Keine gültige Angebotsdatei (offers/angebote_JJJJ-MM-TT.csv) gefunden; "
                    + "ohne Angebotsstand gibt es keine Berichtsmonate.");
        }
        YearMonth firstMonth = YearMonth.from(first.getDate(0).toLocalDate());
        YearMonth latest = latestDeliveredMonth();
        YearMonth reportMonth = requestedMonth.orElse(latest);
        CoveredMonths.forRun(firstMonth, reportMonth);
        List<YearMonth> covered = CoveredMonths.between(firstMonth, reportMonth.isAfter(latest) ? reportMonth : latest);
        List<YearMonth> computed = monthsToCompute(covered, reportMonth, changes);
        boolean full = computed.size() == covered.size();
        List<String> monthLiterals = computed.stream().map(m -> Warehouse.literal(m.toString())).toList();
        MonthlyWriter write = (table, rows) -> {
            if (full) {
                warehouse.overwrite(table, rows);
            } else {
                warehouse.replaceWhere(table, Warehouse.in("month", monthLiterals), rows);
            }
        };
        UnaryOperator<Dataset<Row>> ofComputedMonths = rows -> full ? rows
                : rows.filter(org.apache.spark.sql.functions.expr(Warehouse.in("month", monthLiterals)));
        // not cached: a local relation (the filter is folded into it), which every join broadcasts without a Spark job;
        // a cached frame costs a job for each of its broadcasts
        Dataset<Row> months = ofComputedMonths.apply(CoveredMonths.frame(warehouse.spark(), covered));

        // The two monthly facts are kept (cached by their write) for the marts below instead of read back from Delta:
        // what a read-back of the computed months would give, without a snapshot, a file listing and a scan each.
        double[] gapSeconds;
        Dataset<Row> active = Warehouse.conform(TableCatalog.GOLD_OFFERS_ACTIVE, OffersActiveMonthly.of(months, history)).persist();
        Dataset<Row> events = Warehouse.conform(TableCatalog.GOLD_EVENTS,
                ParticipationEvents.of(months, warehouse.read(TableCatalog.SILVER_EVENTS))).persist();
        try {
            write.replace(TableCatalog.GOLD_OFFERS_ACTIVE, active);
            write.replace(TableCatalog.GOLD_EVENTS, events);
            // an incremental run needs the month before each computed month (new and ended offers) and all events
            Dataset<Row> kpis = KpiMonthly.kpis(months, warehouse.read(TableCatalog.SILVER_ORG_UNITS),
                    full ? active : withPreviousMonths(warehouse.read(TableCatalog.GOLD_OFFERS_ACTIVE), computed),
                    full ? events : warehouse.read(TableCatalog.GOLD_EVENTS), warehouse.read(TableCatalog.SILVER_WORKSHOPS));
            write.replace(TableCatalog.GOLD_KPI_MONTHLY, kpis);
            warehouse.inParallel(List.of(
                    () -> write.replace(TableCatalog.GOLD_EVENTS_BY_CATEGORY,
                            EventsByCategory.of(events, active,
                                    OfferCodes.bridge(warehouse.read(TableCatalog.SILVER_OFFER_CODES), CATEGORY))),
                    () -> write.replace(TableCatalog.GOLD_DATA_AS_OF, DataAsOf.of(months, warehouse.read(TableCatalog.SILVER_OFFERS),
                            events))));
            gapSeconds = writeGaps(write, months, active, history);
        } finally {
            active.unpersist();
            events.unpersist();
        }

        Dataset<Row> orgUnits = warehouse.read(TableCatalog.SILVER_ORG_UNITS);
        // The small whole tables are rewritten every run, so that time travel to any run finds them.
        Dataset<Row> workshops = warehouse.read(TableCatalog.SILVER_WORKSHOPS);
        Dataset<Row> statements = warehouse.read(TableCatalog.SILVER_STATEMENTS);
        warehouse.overwriteAll(Map.of(
                TableCatalog.GOLD_ORG_UNITS, OrgUnitDimension.from(orgUnits),
                TableCatalog.GOLD_ORG_UNIT_SHAPES, warehouse.read(TableCatalog.SILVER_BOUNDARIES).select("org_unit_id", "geometry_wkt"),
                TableCatalog.GOLD_MODEL_PROJECTS, ModelProjectDimension.from(warehouse.read(TableCatalog.SILVER_PROJECTS)),
                TableCatalog.GOLD_INDICATORS, IndicatorDimension.from(warehouse.read(TableCatalog.SILVER_INDICATORS)),
                TableCatalog.GOLD_QUARANTINE_SUMMARY, QuarantineSummary.of(warehouse.read(TableCatalog.SILVER_QUARANTINE)),
                TableCatalog.GOLD_WORKSHOP_EVALUATION,
                WorkshopEvaluation.evaluation(warehouse.spark(), workshops, statements, codes.get(WEATHER), reportMonth),
                TableCatalog.GOLD_WORKSHOP_STATEMENTS, WorkshopEvaluation.statements(workshops, statements, reportMonth)));

        long waitsStarted = System.nanoTime();
        TimeToEvent.Tables waits = TimeToEvent.of(warehouse.spark(), warehouse.read(TableCatalog.SILVER_PROJECTS),
                warehouse.read(TableCatalog.SILVER_CASE_EVENTS), reportMonth, limitDays);
        double waitSeconds = (System.nanoTime() - waitsStarted) / 1e9;
        Dataset<Row> indicators = warehouse.read(TableCatalog.SILVER_INDICATORS);
        warehouse.overwrite(TableCatalog.GOLD_INDICATOR_ATTAINMENT, IndicatorAttainment.attainment(
                warehouse.read(TableCatalog.SILVER_PROJECTS), indicators, warehouse.read(TableCatalog.SILVER_INDICATOR_VALUES), reportMonth));
        Dataset<Row> attainment = warehouse.read(TableCatalog.GOLD_INDICATOR_ATTAINMENT);
        warehouse.overwriteAll(Map.of(
                TableCatalog.GOLD_PROJECT_COMPLETENESS, IndicatorAttainment.completeness(attainment),
                TableCatalog.GOLD_INDICATOR_TREND, IndicatorAttainment.trend(attainment, indicators),
                TableCatalog.GOLD_TIME_TO_EVENT, waits.summary(),
                TableCatalog.GOLD_TIME_TO_EVENT_CURVE, waits.curves(),
                TableCatalog.GOLD_TIME_TO_EVENT_CASES, waits.cases()));
        return new Result(reportMonth, covered, computed, gapSeconds[0], gapSeconds[1],
                new Cases(waits.projects(), waits.casesCounted(), waits.withoutStart(), waitSeconds));
    }

    /**
     * The four coverage marts of the computed months from their active offers; returns the seconds they took and, of
     * those, the seconds of the access mart's write (beside the others).
     * The offers' small inputs are read once; the Gemeinde rows are computed once and materialised before the four
     * marts are written in parallel (they all need them, directly or for the rates).
     */
    private double[] writeGaps(MonthlyWriter write, Dataset<Row> months, Dataset<Row> activeOffers, Dataset<Row> history) {
        long started = System.nanoTime();
        long[] access = new long[1];
        try (GapMarts marts = GapMarts.of(warehouse.spark(), months, activeOffers, history,
                warehouse.read(TableCatalog.SILVER_OFFER_CODES), warehouse.read(TableCatalog.SILVER_ORG_UNITS),
                warehouse.read(TableCatalog.SILVER_DEMAND), codes, thresholds)) {
            warehouse.inParallel(List.of(
                    () -> write.replace(TableCatalog.GOLD_COVERAGE_GAPS, marts.gaps()),
                    () -> write.replace(TableCatalog.GOLD_COVERAGE_GAPS_DISTRICTS, marts.districts()),
                    () -> write.replace(TableCatalog.GOLD_SUPPLY_MATRIX, marts.supply()),
                    () -> {
                        long accessStarted = System.nanoTime();
                        write.replace(TableCatalog.GOLD_OFFER_ACCESS, marts.access());
                        access[0] = System.nanoTime() - accessStarted;
                    }));
        }
        return new double[] {(System.nanoTime() - started) / 1e9, access[0] / 1e9};
    }

    /** Writes one monthly table: a full overwrite, or a replacement of the computed months. */
    @FunctionalInterface
    private interface MonthlyWriter {
        void replace(TableDef table, Dataset<Row> rows);
    }

    /** The covered months this run computes; see {@link #run(Optional, SilverJob.Outcome)}. */
    private List<YearMonth> monthsToCompute(List<YearMonth> covered, YearMonth reportMonth, SilverJob.Outcome changes) {
        if (changes == null || changes.full() || changes.workshopsChanged() || !warehouse.exists(TableCatalog.GOLD_KPI_MONTHLY)) {
            return covered;
        }
        java.util.Set<YearMonth> existing = new java.util.TreeSet<>();
        warehouse.read(TableCatalog.GOLD_KPI_MONTHLY).select("month").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList().forEach(m -> existing.add(YearMonth.parse(m)));
        if (existing.isEmpty() || !covered.containsAll(existing) || !existing.contains(covered.get(0))) {
            return covered; // the first snapshot moved: every month's "new offers" and covered range change
        }
        java.util.Set<YearMonth> months = new java.util.TreeSet<>();
        months.add(reportMonth);
        changes.eventMonths().forEach(m -> months.add(YearMonth.parse(m)));
        changes.offersChangedFrom().ifPresent(from -> covered.stream().filter(m -> !m.isBefore(YearMonth.from(from))).forEach(months::add));
        covered.stream().filter(m -> !existing.contains(m)).forEach(months::add);
        months.retainAll(covered);
        return List.copyOf(months);
    }

    /** The active offers of the computed months and of the months before them (for new and ended offers). */
    private static Dataset<Row> withPreviousMonths(Dataset<Row> active, List<YearMonth> computed) {
        java.util.Set<String> months = new java.util.TreeSet<>();
        computed.forEach(m -> {
            months.add(Warehouse.literal(m.toString()));
            months.add(Warehouse.literal(m.minusMonths(1).toString()));
        });
        return active.filter(org.apache.spark.sql.functions.expr(Warehouse.in("month", months)));
    }

    /**
     * The default report month, the one rule for it: the latest month among snapshot dates, participation file
     * months, event dates, workshop dates and reported indicator periods (a quarter or year counts with its first
     * month). Never the clock: a delivery without any dated row needs {@code --month}.
     */
    YearMonth latestDeliveredMonth() {
        // one query (one Spark job) over the five sources, not one per source
        Dataset<Row> months = monthsOf(warehouse.read(TableCatalog.SILVER_OFFERS), "date_format(snapshot_date, 'yyyy-MM')")
                .unionAll(monthsOf(warehouse.read(TableCatalog.bronze(Source.PARTICIPATION)), "_period"))
                .unionAll(monthsOf(warehouse.read(TableCatalog.SILVER_EVENTS), "date_format(event_date, 'yyyy-MM')"))
                .unionAll(monthsOf(warehouse.read(TableCatalog.SILVER_WORKSHOPS), "date_format(workshop_date, 'yyyy-MM')"))
                .unionAll(monthsOf(warehouse.read(TableCatalog.SILVER_INDICATOR_VALUES), "date_format(" + Period.startSql("period") + ", 'yyyy-MM')"));
        Row latest = months.agg(max("month")).first();
        if (latest.isNullAt(0)) {
            throw new UserException(ErrorCategory.INPUT, "Die Lieferung enthält keinen Monat (weder Angebotsstände noch Teilnahmen, "
                    + "Workshops oder Indikatorwerte); bitte den Berichtsmonat mit --month angeben.");
        }
        return YearMonth.parse(latest.getString(0));
    }

    /** The month ({@code yyyy-MM}) of each row, as column {@code month}. */
    private static Dataset<Row> monthsOf(Dataset<Row> rows, String expression) {
        return rows.select(org.apache.spark.sql.functions.expr(expression).cast("string").as("month"));
    }

}
