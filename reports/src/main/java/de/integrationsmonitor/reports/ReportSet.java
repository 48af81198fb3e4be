package de.integrationsmonitor.reports;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.evaluation.EvaluationData;
import de.integrationsmonitor.reports.evaluation.EvaluationQueries;
import de.integrationsmonitor.reports.evaluation.EvaluationReport;
import de.integrationsmonitor.reports.evaluation.EvaluationWorkbook;
import de.integrationsmonitor.reports.gaps.GapReport;
import de.integrationsmonitor.reports.gaps.GapReportData;
import de.integrationsmonitor.reports.gaps.GapReportQueries;
import de.integrationsmonitor.reports.gaps.GapWorkbook;
import de.integrationsmonitor.reports.land.LandOverview;
import de.integrationsmonitor.reports.land.LandOverviewData;
import de.integrationsmonitor.reports.land.LandOverviewQueries;
import de.integrationsmonitor.reports.land.LandOverviewWorkbook;
import de.integrationsmonitor.reports.monthly.MonthlyReport;
import de.integrationsmonitor.reports.monthly.MonthlyReportData;
import de.integrationsmonitor.reports.monthly.MonthlyReportQueries;
import de.integrationsmonitor.reports.monthly.MonthlyWorkbook;
import de.integrationsmonitor.reports.workshops.WorkshopReport;
import de.integrationsmonitor.reports.workshops.WorkshopReportData;
import de.integrationsmonitor.reports.workshops.WorkshopReportQueries;
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
 * ({@link ReportAreas}): Monatsbericht (PDF, XLSX), Workshop-Auswertung (where the area has workshops) and
 * Versorgungslücken (PDF for the Kreis and each Gemeinde, XLSX); the Landesübersicht of all areas goes into
 * {@value ReportAreas#LAND_FOLDER}/, the Modellprojekt-Evaluation per programme into {@value ReportAreas#PROGRAMS_FOLDER}/. Each group is a method, so the command line can time it as a stage.
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
    private final Map<ReportAreas.Area, GapReportData> gaps = new LinkedHashMap<>();
    private boolean gapsRead;

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
        // every area reads the same gold tables: load each once
        warehouse.keepTablesFromNowOn();
    }

    /**
     * Seconds spent on the gold queries, the Monatsberichte and the Workshop-Auswertungen (with their queries), summed
     * over the areas (which are rendered side by side: the sums may exceed the stage's time), and how many areas got a
     * Monatsbericht and a Workshop-Auswertung.
     */
    public record MonthlyTimings(double queries, double monthly, double workshops, int areas, int workshopReports) {}

    /** What one area's Monatsbericht and Workshop-Auswertung took, and its gap data. */
    private record AreaReports(Optional<GapReportData> gaps, double queries, double monthly, double workshops, boolean workshopReport) {}

    /** Monatsbericht (PDF, XLSX) and Workshop-Auswertung per area; also reads the gap data that {@link #gaps()} renders. */
    public MonthlyTimings monthlyAndWorkshops() {
        List<AreaReports> results = perArea(this::monthlyAndWorkshops);
        for (int i = 0; i < areas.size(); i++) {
            int index = i;
            results.get(i).gaps().ifPresent(data -> gaps.put(areas.get(index), data));
        }
        gapsRead = true;
        return new MonthlyTimings(results.stream().mapToDouble(AreaReports::queries).sum(),
                results.stream().mapToDouble(AreaReports::monthly).sum(), results.stream().mapToDouble(AreaReports::workshops).sum(),
                areas.size(), (int) results.stream().filter(AreaReports::workshopReport).count());
    }

    private AreaReports monthlyAndWorkshops(ReportAreas.Area area) {
        Path out = area.folder(config.outputPath());
        long started = System.nanoTime();
        Optional<GapReportData> areaGaps = new GapReportQueries(warehouse).load(area.id(), reportMonth, vocabularies,
                new GapThresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit()), runId, startedAt);
        MonthlyReportData data = new MonthlyReportQueries(warehouse)
                .load(area.id(), reportMonth, runId, startedAt, vocabularies.displayLabels(Vocabularies.CATEGORY));
        if (areaGaps.isPresent()) {
            data = data.withTopGaps(GapReport.topGaps(areaGaps.get(), MonthlyReport.TOP_GAPS));
        }
        double queries = seconds(started);
        started = System.nanoTime();
        MonthlyReport.renderPdf(data, smallCounts, out);
        MonthlyWorkbook.write(data, smallCounts, out);
        double monthly = seconds(started);
        started = System.nanoTime();
        WorkshopReportData workshops = new WorkshopReportQueries(warehouse).load(area.id(), reportMonth,
                vocabularies.displayLabels(Vocabularies.WEATHER), runId, startedAt);
        if (!workshops.workshops().isEmpty()) {
            WorkshopReport.renderPdf(workshops, smallCounts, out);
        }
        return new AreaReports(areaGaps, queries, monthly, seconds(started), !workshops.workshops().isEmpty());
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
        if (!gapsRead) {
            throw new IllegalStateException("monthlyAndWorkshops() reads the gap data first");
        }
        List<Path> written = new ArrayList<>();
        for (List<Path> files : perArea(area -> {
            GapReportData data = gaps.get(area);
            if (data == null) {
                return List.<Path>of();
            }
            List<Path> files = new ArrayList<>(GapReport.renderPdfs(data, smallCounts, area.folder(config.outputPath())));
            files.add(GapWorkbook.write(data, smallCounts, area.folder(config.outputPath())));
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
        LandOverviewData data = new LandOverviewQueries(warehouse).load(reportMonth, config.reportAreas(),
                vocabularies.displayLabels(TargetGroup.LANGUAGE.code()), runId, startedAt);
        Path folder = config.outputPath().resolve(ReportAreas.LAND_FOLDER);
        return List.of(LandOverview.renderPdf(data, smallCounts, folder), LandOverviewWorkbook.write(data, smallCounts, folder));
    }

    /** The Modellprojekt-Evaluation (PDF and XLSX) of every programme; empty without model projects. */
    public List<Path> evaluations() {
        return evaluations(warehouse, reportMonth, runId, startedAt, config.outputPath());
    }

    /**
     * The Modellprojekt-Evaluation of every programme from {@code warehouse}, which may be a view of an earlier
     * state ({@link Warehouse#asOf}), into {@value ReportAreas#PROGRAMS_FOLDER}/ below {@code out}.
     */
    public static List<Path> evaluations(Warehouse warehouse, YearMonth reportMonth, String runId, Instant generatedAt, Path out) {
        EvaluationQueries queries = new EvaluationQueries(warehouse);
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
