package de.integrationsmonitor.reports.monthly;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the Monatsbericht shows; built from gold tables by the caller.
 *
 * @param month the report month
 * @param areaName the Kreis or kreisfreie Stadt, e.g. "Kreis Recklinghausen"
 * @param generatedAt time of the run (shown in the footer in Europe/Berlin time)
 * @param runId id of the run, shown in the footer so the report can be traced and re-created
 * @param keyFigures first-page key figures for the area, in display order
 * @param trend up to 12 months ending at {@code month}: participants and active offers per month
 * @param municipalities one row per Gemeinde, in display order
 * @param dataAsOf how current the data is (shown under the title and in the footer); may be null
 * @param dataQuality findings of the data-quality checks and the quarantine, in display order
 * @param categories participation per offer category, in display order (empty: section omitted)
 * @param topGaps the largest coverage gaps of the month (empty: section omitted)
 * @param projectStatus latest status of the model projects' indicators, counted per status (empty: section omitted)
 * @param projectNote one sentence on the model projects counted, or null
 */
public record MonthlyReportData(
        YearMonth month,
        String areaName,
        Instant generatedAt,
        String runId,
        List<KeyFigure> keyFigures,
        List<MonthPoint> trend,
        List<MunicipalityRow> municipalities,
        DataAsOf dataAsOf,
        List<QualityNote> dataQuality,
        List<CategoryRow> categories,
        List<TopGap> topGaps,
        List<ProjectStatus> projectStatus,
        String projectNote) {

    /** The trend shows at most this many months. */
    public static final int TREND_MONTHS = 12;

    public MonthlyReportData {
        requireNonNull(month, "month is null");
        requireNonNull(areaName, "areaName is null");
        requireNonNull(generatedAt, "generatedAt is null");
        requireNonNull(runId, "runId is null");
        if (areaName.isBlank()) {
            throw new IllegalArgumentException("areaName is blank");
        }
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId is blank");
        }
        keyFigures = List.copyOf(requireNonNull(keyFigures, "keyFigures is null"));
        trend = List.copyOf(requireNonNull(trend, "trend is null"));
        municipalities = List.copyOf(requireNonNull(municipalities, "municipalities is null"));
        dataQuality = List.copyOf(requireNonNull(dataQuality, "dataQuality is null"));
        categories = List.copyOf(requireNonNull(categories, "categories is null"));
        topGaps = List.copyOf(requireNonNull(topGaps, "topGaps is null"));
        projectStatus = List.copyOf(requireNonNull(projectStatus, "projectStatus is null"));
        checkTrend(month, trend);
    }

    /** A report without data-as-of information and without data-quality findings. */
    public MonthlyReportData(YearMonth month, String areaName, Instant generatedAt, String runId, List<KeyFigure> keyFigures,
                             List<MonthPoint> trend, List<MunicipalityRow> municipalities) {
        this(month, areaName, generatedAt, runId, keyFigures, trend, municipalities, null, List.of(), List.of(), List.of(), List.of(),
                null);
    }

    /** The same report with the largest coverage gaps of the month. */
    public MonthlyReportData withTopGaps(List<TopGap> gaps) {
        return new MonthlyReportData(month, areaName, generatedAt, runId, keyFigures, trend, municipalities, dataAsOf, dataQuality,
                categories, gaps, projectStatus, projectNote);
    }

    /** The same report with another data-as-of, e.g. the area's own latest event instead of the run's. */
    public MonthlyReportData withDataAsOf(DataAsOf asOf) {
        return new MonthlyReportData(month, areaName, generatedAt, runId, keyFigures, trend, municipalities, asOf, dataQuality,
                categories, topGaps, projectStatus, projectNote);
    }

    private static void checkTrend(YearMonth month, List<MonthPoint> trend) {
        YearMonth first = month.minusMonths(TREND_MONTHS - 1L);
        Set<YearMonth> seen = new HashSet<>();
        for (MonthPoint point : trend) {
            if (point.month().isBefore(first) || point.month().isAfter(month)) {
                throw new IllegalArgumentException("trend month " + point.month() + " is outside "
                        + first + ".." + month + " (the " + TREND_MONTHS + " months ending at the report month)");
            }
            if (!seen.add(point.month())) {
                throw new IllegalArgumentException("trend month " + point.month() + " appears twice");
            }
        }
    }
}
