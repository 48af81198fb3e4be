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
     * Seconds spent on the gold queries, the Monatsberichte and the Workshop-Auswertungen (with their queries), and how
     * many areas got a Monatsbericht and a Workshop-Auswertung.
     */
    public record MonthlyTimings(double queries, double monthly, double workshops, int areas, int workshopReports) {}

    /** Monatsbericht (PDF, XLSX) and Workshop-Auswertung per area; also reads the gap data that {@link #gaps()} renders. */
    public MonthlyTimings monthlyAndWorkshops() {
        double queries = 0;
        double monthly = 0;
        double workshopSeconds = 0;
        int workshopReports = 0;
        GapThresholds thresholds = new GapThresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit());
        for (ReportAreas.Area area : areas) {
            Path out = area.folder(config.outputPath());
            long started = System.nanoTime();
            Optional<GapReportData> areaGaps = new GapReportQueries(warehouse).load(area.id(), reportMonth, vocabularies, thresholds,
                    runId, startedAt);
            areaGaps.ifPresent(data -> gaps.put(area, data));
            MonthlyReportData data = new MonthlyReportQueries(warehouse)
                    .load(area.id(), reportMonth, runId, startedAt, vocabularies.displayLabels(Vocabularies.CATEGORY));
            if (areaGaps.isPresent()) {
                data = data.withTopGaps(GapReport.topGaps(areaGaps.get(), MonthlyReport.TOP_GAPS));
            }
            queries += seconds(started);
            started = System.nanoTime();
            MonthlyReport.renderPdf(data, smallCounts, out);
            MonthlyWorkbook.write(data, smallCounts, out);
            monthly += seconds(started);
            started = System.nanoTime();
            WorkshopReportData workshops = new WorkshopReportQueries(warehouse).load(area.id(), reportMonth,
                    vocabularies.displayLabels(Vocabularies.WEATHER), runId, startedAt);
            if (!workshops.workshops().isEmpty()) {
                WorkshopReport.renderPdf(workshops, smallCounts, out);
                workshopReports++;
            }
            workshopSeconds += seconds(started);
        }
        gapsRead = true;
        return new MonthlyTimings(queries, monthly, workshopSeconds, areas.size(), workshopReports);
    }

    /** Versorgungslücken of every area with gap rows: the Kreis's PDF, one PDF per Gemeinde, and the workbook. */
    public List<Path> gaps() {
        if (!gapsRead) {
            throw new IllegalStateException("monthlyAndWorkshops() reads the gap data first");
        }
        List<Path> written = new ArrayList<>();
        gaps.forEach((area, data) -> {
            written.addAll(GapReport.renderPdfs(data, smallCounts, area.folder(config.outputPath())));
            written.add(GapWorkbook.write(data, smallCounts, area.folder(config.outputPath())));
        });
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
