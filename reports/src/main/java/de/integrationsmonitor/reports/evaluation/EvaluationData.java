package de.integrationsmonitor.reports.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the Modellprojekt-Evaluation shows for one programme, from the gold marts.
 *
 * @param tableVersions Delta version read per gold table shown (the data version the report states)
 * @param asOf the instant the data is shown as of (Delta time travel), or null for the current data
 */
public record EvaluationData(String program, YearMonth reportMonth, List<Project> projects, List<Indicator> indicators,
                             List<Period> periods, List<Completeness> completeness, List<Trend> trends,
                             Map<String, Long> tableVersions, String runId, Instant generatedAt, Instant asOf, Waiting waiting) {
    public EvaluationData {
        requireNonNull(waiting, "waiting is null");
        requireNonNull(program, "program is null");
        requireNonNull(reportMonth, "reportMonth is null");
        projects = List.copyOf(projects);
        indicators = List.copyOf(indicators);
        periods = List.copyOf(periods);
        completeness = List.copyOf(completeness);
        trends = List.copyOf(trends);
        tableVersions = Map.copyOf(tableVersions);
        requireNonNull(runId, "runId is null");
        requireNonNull(generatedAt, "generatedAt is null");
    }

    /** Without case milestones (a delivery without model-projects/case_events.csv). */
    public EvaluationData(String program, YearMonth reportMonth, List<Project> projects, List<Indicator> indicators,
                          List<Period> periods, List<Completeness> completeness, List<Trend> trends,
                          Map<String, Long> tableVersions, String runId, Instant generatedAt, Instant asOf) {
        this(program, reportMonth, projects, indicators, periods, completeness, trends, tableVersions, runId, generatedAt, asOf,
                Waiting.NONE);
    }

    /**
     * The waiting times computed from case milestones: gold.time_to_event, its curves and the case counts of the
     * programme's projects, which delivered indicator each milestone corresponds to ({@code tte.indicators}), and the
     * small-count rule (k) for the counts of cases shown.
     */
    public record Waiting(List<Wait> waits, List<WaitStep> steps, List<CaseCount> cases, Map<String, String> indicators, int minCount) {
        public static final Waiting NONE = new Waiting(List.of(), List.of(), List.of(), Map.of(), 3);

        public Waiting {
            waits = List.copyOf(waits);
            steps = List.copyOf(steps);
            cases = List.copyOf(cases);
            indicators = Map.copyOf(indicators);
        }
    }

    /** One row of gold.time_to_event; shares 0..1, interval and median null where not estimable. */
    public record Wait(String projectId, String milestone, String cohort, long cases, long events, long censored, double share,
                       Double lower, Double upper, Integer medianDays, Double naiveShare, int limitDays) {}

    /** One row of gold.time_to_event_curve. */
    public record WaitStep(String projectId, String milestone, String cohort, int day, long atRisk, long events, long censored,
                           double share, Double lower, Double upper) {}

    /** One row of gold.time_to_event_cases. */
    public record CaseCount(String projectId, long delivered, long withoutStart, long outsideFollowUp, long counted,
                            LocalDate followUpEnd) {}

    /** A model project and the municipality running it. */
    public record Project(String id, String title, String municipality, String targetGroup, LocalDate start, LocalDate end) {}

    /** An indicator definition; target and baseline may be missing. */
    public record Indicator(String id, String name, String unit, String direction, Double target, Double baseline, String periodType,
                            String description) {}

    /** One row of gold.indicator_attainment. */
    public record Period(String projectId, String indicatorId, String period, LocalDate periodStart, Double value, Double baseline,
                         Double target, Double attainment, String status) {}

    /** One row of gold.project_completeness. */
    public record Completeness(String projectId, long expected, long delivered, Double share, String missing) {}

    /** One row of gold.indicator_trend. */
    public record Trend(String projectId, String indicatorId, String latestPeriod, Double latestValue, String latestStatus,
                        Double change, String trend) {}
}
