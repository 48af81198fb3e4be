package de.integrationsmonitor.reports;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.evaluation.EvaluationData;
import de.integrationsmonitor.reports.evaluation.EvaluationQueries;
import de.integrationsmonitor.reports.evaluation.EvaluationReport;
import de.integrationsmonitor.reports.evaluation.EvaluationWorkbook;
import de.integrationsmonitor.reports.gaps.GapCells;
import de.integrationsmonitor.reports.gaps.GapReport;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.gaps.GapReportQueries;
import de.integrationsmonitor.reports.gaps.GapWorkbook;
import de.integrationsmonitor.reports.land.LandCells;
import de.integrationsmonitor.reports.land.LandOverview;
import de.integrationsmonitor.reports.land.LandOverviewData;
import de.integrationsmonitor.reports.land.LandOverviewQueries;
import de.integrationsmonitor.reports.land.LandOverviewWorkbook;
import de.integrationsmonitor.reports.monthly.DataAsOf;
import de.integrationsmonitor.reports.monthly.MonthlyCells;
import de.integrationsmonitor.reports.monthly.MonthlyReport;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.monthly.MonthlyReportQueries;
import de.integrationsmonitor.reports.monthly.MonthlyWorkbook;
import de.integrationsmonitor.reports.workshops.WorkshopCells;
import de.integrationsmonitor.reports.workshops.WorkshopReport;
import de.integrationsmonitor.reports.workshops.WorkshopReportData;
import de.integrationsmonitor.reports.workshops.WorkshopReportQueries;
import de.integrationsmonitor.reports.workshops.WorkshopWorkbook;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reports of one run, read from the gold tables and written to the output folder, each area's into its own folder
 * ({@link ReportAreas}): Monatsbericht (PDF, XLSX), Workshop-Auswertung (PDF, XLSX; where the area has workshops) and
 * Versorgungslücken (PDF for the Kreis and each Gemeinde, XLSX); the Landesübersicht of all areas goes into
 * {@value ReportAreas#LAND_FOLDER}/, the Modellprojekt-Evaluation per programme into {@value ReportAreas#PROGRAMS_FOLDER}/.
 * {@link #read()} reads all of it first and computes the run's small-count protection over every report at once; the
 * other methods render. Each group is a method, so the command line can time it as a stage.
 */
public final class ReportSet {
    private final Warehouse warehouse;
    private final ImonConfig config;
    private final YearMonth reportMonth;
    private final String runId;
    private final Instant startedAt;
    private final List<ReportAreas.Area> areas;
    private final Vocabularies vocabularies;
    private final SmallCounts smallCounts;
    private final Map<ReportAreas.Area, AreaData> data = new LinkedHashMap<>();
    private LandOverviewData land;
    /** One for the run: it reads the month's gap rows once and splits them by area. */
    private final GapReportQueries gapQueries;
    private DisclosurePlan plan;

    public ReportSet(Warehouse warehouse, ImonConfig config, YearMonth reportMonth, String runId, Instant startedAt,
                     List<ReportAreas.Area> areas) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.config = requireNonNull(config, "config is null");
        this.reportMonth = requireNonNull(reportMonth, "reportMonth is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.areas = List.copyOf(areas);
        this.vocabularies = Vocabularies.load(config.confDir());
        this.smallCounts = new SmallCounts(config.disclosureMinCount());
        this.gapQueries = new GapReportQueries(warehouse, reportMonth);
        // every area reads the same gold tables: load each once
        warehouse.keepTablesFromNowOn();
    }

    /** One area's data: Monatsbericht, Workshop-Auswertung (no workshops: none) and Versorgungslücken (no gap rows: none). */
    private record AreaData(MonthlyReportData monthly, Optional<WorkshopReportData> workshops, Optional<GapReportData> gaps) {}

    /**
     * What {@link #read()} did: seconds spent on the gold queries, summed over the areas (which are read side by side:
     * the sum may exceed the stage's time), and the run's small-count protection: how many counts of persons the
     * reports publish, how many are hidden, and how many of those only to protect another.
     */
    public record Reading(int areas, double queries, int cells, int hidden, int secondary) {}

    /**
     * Seconds spent on the Monatsberichte and the Workshop-Auswertungen, summed over the areas (which are rendered
     * side by side: the sums may exceed the stage's time), and how many areas got a Workshop-Auswertung.
     */
    public record MonthlyTimings(double monthly, double workshops, int areas, int workshopReports) {}

    /**
     * Reads what every report of the run shows from gold, then computes the run's {@link DisclosurePlan} over all of
     * it at once: every count of persons of every area's reports and of the Landesübersicht, with the sums between
     * them. No report is written before the plan is complete, so each shows a cell the way every other does.
     */
    public Reading read() {
        long started = System.nanoTime();
        List<Double> seconds = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, java.time.LocalDate> lastEvents = new MonthlyReportQueries(warehouse).latestEventByArea(reportMonth);
        seconds.add(seconds(started));
        List<AreaData> read = perArea(area -> {
            long areaStarted = System.nanoTime();
            AreaData data = read(area, lastEvents.get(area.id()));
            seconds.add(seconds(areaStarted));
            return data;
        });
        for (int i = 0; i < areas.size(); i++) {
            data.put(areas.get(i), read.get(i));
        }
        long landStarted = System.nanoTime();
        land = new LandOverviewQueries(warehouse).load(reportMonth, config.reportAreas(),
                vocabularies.displayLabels(TargetGroup.LANGUAGE.code()), runId, startedAt);
        seconds.add(seconds(landStarted));
        DisclosurePlan.Builder builder = new DisclosurePlan.Builder();
        for (AreaData area : data.values()) {
            MonthlyCells.register(area.monthly(), builder);
            area.workshops().ifPresent(workshops -> WorkshopCells.register(workshops, builder));
            area.gaps().ifPresent(gaps -> GapCells.register(gaps, builder));
        }
        LandCells.register(land, builder);
        plan = builder.build(smallCounts);
        return new Reading(areas.size(), seconds.stream().mapToDouble(Double::doubleValue).sum(), plan.cells(), plan.hiddenCells(),
                plan.secondaryCells());
    }

    /** @param lastEvent the area's latest event of the month; null without any */
    private AreaData read(ReportAreas.Area area, java.time.LocalDate lastEvent) {
        Optional<GapReportData> areaGaps = gapQueries.load(area.id(), vocabularies,
                config.gapThresholds(), runId, startedAt);
        MonthlyReportData monthly = new MonthlyReportQueries(warehouse)
                .load(area.id(), reportMonth, runId, startedAt, vocabularies.displayLabels(Vocabularies.CATEGORY));
        monthly = monthly.withDataAsOf(new DataAsOf(monthly.dataAsOf() == null ? null : monthly.dataAsOf().offersSnapshot(), lastEvent));
        if (areaGaps.isPresent()) {
            monthly = monthly.withTopGaps(GapReport.topGaps(areaGaps.get(), MonthlyReport.TOP_GAPS));
        }
        WorkshopReportData workshops = new WorkshopReportQueries(warehouse).load(area.id(), reportMonth,
                vocabularies.displayLabels(Vocabularies.WEATHER), runId, startedAt);
        return new AreaData(monthly, workshops.workshops().isEmpty() ? Optional.empty() : Optional.of(workshops), areaGaps);
    }

    /** Monatsbericht (PDF, XLSX) and Workshop-Auswertung per area, from what {@link #read()} read. */
    public MonthlyTimings monthlyAndWorkshops() {
        DisclosurePlan plan = plan();
        List<double[]> results = perArea(area -> {
            AreaData areaData = data.get(area);
            Path out = area.folder(config.outputPath());
            long started = System.nanoTime();
            MonthlyReport.renderPdf(areaData.monthly(), plan, out);
            MonthlyWorkbook.write(areaData.monthly(), plan, out);
            double monthly = seconds(started);
            started = System.nanoTime();
            areaData.workshops().ifPresent(workshops -> {
                WorkshopReport.renderPdf(workshops, plan, out);
                WorkshopWorkbook.write(workshops, plan, out);
            });
            return new double[] {monthly, seconds(started)};
        });
        return new MonthlyTimings(results.stream().mapToDouble(r -> r[0]).sum(), results.stream().mapToDouble(r -> r[1]).sum(),
                areas.size(), (int) data.values().stream().filter(a -> a.workshops().isPresent()).count());
    }

    private DisclosurePlan plan() {
        if (plan == null) {
            throw new IllegalStateException("read() computes the disclosure plan first");
        }
        return plan;
    }

    /**
     * {@code work} for every area, in the order of {@link #areas}: the first on this thread (it loads the gold tables
     * every area reads), the others side by side on as many threads as there are processors. Filling a report is
     * single-threaded work; each file is written under a temporary name and renamed when complete, so writers in
     * parallel never see each other's files.
     */
    private <T> List<T> perArea(java.util.function.Function<ReportAreas.Area, T> work) {
        List<T> results = new ArrayList<>();
        if (areas.isEmpty()) {
            return results;
        }
        results.add(work.apply(areas.get(0)));
        int threads = Math.min(areas.size() - 1, Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            areas.subList(1, areas.size()).forEach(area -> results.add(work.apply(area)));
            return results;
        }
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "reports-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<java.util.concurrent.Future<T>> futures = areas.subList(1, areas.size()).stream()
                    .map(area -> pool.submit(() -> work.apply(area))).toList();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(result(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T result(java.util.concurrent.Future<T> future) {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering reports", e);
        }
    }

    /** Versorgungslücken of every area with gap rows: the Kreis's PDF, one PDF per Gemeinde, and the workbook. */
    public List<Path> gaps() {
        DisclosurePlan plan = plan();
        List<Path> written = new ArrayList<>();
        for (List<Path> files : perArea(area -> {
            GapReportData gaps = data.get(area).gaps().orElse(null);
            if (gaps == null) {
                return List.<Path>of();
            }
            List<Path> files = new ArrayList<>(GapReport.renderPdfs(gaps, plan, area.folder(config.outputPath())));
            files.add(GapWorkbook.write(gaps, plan, area.folder(config.outputPath())));
            return files;
        })) {
            written.addAll(files);
        }
        return written;
    }

    /**
     * The Landesübersicht (PDF and XLSX) into {@value ReportAreas#LAND_FOLDER}/: every Kreis and kreisfreie Stadt of
     * the run side by side, those without a delivery for the month included ("keine Lieferung").
     */
    public List<Path> land() {
        DisclosurePlan plan = plan();
        Path folder = config.outputPath().resolve(ReportAreas.LAND_FOLDER);
        return List.of(LandOverview.renderPdf(land, plan, folder), LandOverviewWorkbook.write(land, plan, folder));
    }

    /** The Modellprojekt-Evaluation (PDF and XLSX) of every programme; empty without model projects. */
    public List<Path> evaluations() {
        return evaluations(warehouse, config, reportMonth, runId, startedAt, config.outputPath());
    }

    /**
     * The Modellprojekt-Evaluation of every programme from {@code warehouse}, which may be a view of an earlier
     * state ({@link Warehouse#asOf}), into {@value ReportAreas#PROGRAMS_FOLDER}/ below {@code out}.
     */
    public static List<Path> evaluations(Warehouse warehouse, ImonConfig config, YearMonth reportMonth, String runId, Instant generatedAt,
                                         Path out) {
        EvaluationQueries queries = new EvaluationQueries(warehouse, config.tteIndicators(), config.disclosureMinCount());
        List<Path> written = new ArrayList<>();
        Path folder = out.resolve(ReportAreas.PROGRAMS_FOLDER);
        for (String program : queries.programs()) {
            EvaluationData data = queries.load(program, reportMonth, runId, generatedAt);
            written.add(EvaluationReport.renderPdf(data, folder));
            written.add(EvaluationWorkbook.write(data, folder));
        }
        return written;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
