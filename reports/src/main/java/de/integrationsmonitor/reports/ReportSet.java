package de.integrationsmonitor.reports;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.contract.GapThresholds;
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
import java.util.List;

/**
 * The reports of one run, read from the gold tables and written to the output folder: Monatsbericht (PDF, XLSX),
 * Workshop-Auswertung, Versorgungslücken (PDF for the Kreis and each Gemeinde, XLSX) and the
 * Modellprojekt-Evaluation per programme. Each group is a method, so the command line can time it as a stage.
 */
public final class ReportSet {
    private final Warehouse warehouse;
    private final ImonConfig config;
    private final YearMonth reportMonth;
    private final String runId;
    private final Instant startedAt;
    private final Vocabularies vocabularies;
    private final SmallCounts smallCounts;
    private GapReportData gaps;

    public ReportSet(Warehouse warehouse, ImonConfig config, YearMonth reportMonth, String runId, Instant startedAt) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.config = requireNonNull(config, "config is null");
        this.reportMonth = requireNonNull(reportMonth, "reportMonth is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.startedAt = requireNonNull(startedAt, "startedAt is null");
        this.vocabularies = Vocabularies.load(config.confDir());
        this.smallCounts = new SmallCounts(config.disclosureMinCount());
    }

    /** Seconds spent on the gold queries, the Monatsbericht and the Workshop-Auswertung (with its query). */
    public record MonthlyTimings(double queries, double monthly, double workshops) {}

    /** Monatsbericht (PDF, XLSX) and Workshop-Auswertung; also reads the gap data that {@link #gaps()} renders. */
    public MonthlyTimings monthlyAndWorkshops() {
        Path out = config.outputPath();
        long started = System.nanoTime();
        gaps = new GapReportQueries(warehouse).load(config.reportAreaId(), reportMonth, vocabularies,
                new GapThresholds(config.gapsMinDemand(), config.gapsCoverageIndexLimit()), runId, startedAt);
        MonthlyReportData data = new MonthlyReportQueries(warehouse)
                .load(config.reportAreaId(), reportMonth, runId, startedAt, vocabularies.displayLabels(Vocabularies.CATEGORY))
                .withTopGaps(GapReport.topGaps(gaps, MonthlyReport.TOP_GAPS));
        double queries = seconds(started);
        started = System.nanoTime();
        MonthlyReport.renderPdf(data, smallCounts, out);
        MonthlyWorkbook.write(data, smallCounts, out);
        double monthly = seconds(started);
        started = System.nanoTime();
        WorkshopReportData workshops = new WorkshopReportQueries(warehouse).load(config.reportAreaId(), reportMonth,
                vocabularies.displayLabels(Vocabularies.WEATHER), runId, startedAt);
        WorkshopReport.renderPdf(workshops, smallCounts, out);
        return new MonthlyTimings(queries, monthly, seconds(started));
    }

    /** Versorgungslücken: the Kreis's PDF, one PDF per Gemeinde, and the workbook (last in the list). */
    public List<Path> gaps() {
        if (gaps == null) {
            throw new IllegalStateException("monthlyAndWorkshops() reads the gap data first");
        }
        List<Path> written = new ArrayList<>(GapReport.renderPdfs(gaps, smallCounts, config.outputPath()));
        written.add(GapWorkbook.write(gaps, smallCounts, config.outputPath()));
        return written;
    }

    /** The Modellprojekt-Evaluation (PDF and XLSX) of every programme; empty without model projects. */
    public List<Path> evaluations() {
        return evaluations(warehouse, reportMonth, runId, startedAt, config.outputPath());
    }

    /**
     * The Modellprojekt-Evaluation of every programme from {@code warehouse}, which may be a view of an earlier
     * state ({@link Warehouse#asOf}).
     */
    public static List<Path> evaluations(Warehouse warehouse, YearMonth reportMonth, String runId, Instant generatedAt, Path out) {
        EvaluationQueries queries = new EvaluationQueries(warehouse);
        List<Path> written = new ArrayList<>();
        for (String program : queries.programs()) {
            EvaluationData data = queries.load(program, reportMonth, runId, generatedAt);
            written.add(EvaluationReport.renderPdf(data, out));
            written.add(EvaluationWorkbook.write(data, out));
        }
        return written;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
