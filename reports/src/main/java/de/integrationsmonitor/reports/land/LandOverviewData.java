package de.integrationsmonitor.reports.land;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything the Landesübersicht shows: one line per Kreis and kreisfreie Stadt of the run, and the model projects per
 * municipality.
 *
 * @param tableVersions Delta version read per gold table shown
 */
public record LandOverviewData(YearMonth month, List<AreaLine> areas, List<ProjectLine> projects, Map<String, Long> tableVersions,
                               String runId, Instant generatedAt) {
    public LandOverviewData {
        requireNonNull(month, "month is null");
        areas = List.copyOf(areas);
        projects = List.copyOf(projects);
        tableVersions = Map.copyOf(tableVersions);
        requireNonNull(runId, "runId is null");
        requireNonNull(generatedAt, "generatedAt is null");
    }

    /**
     * One area in the month. Offers, events and workshops are null where the area delivered nothing of the kind for
     * the month ("keine Lieferung", not 0); the previous month's values are null where it has no data then.
     *
     * @param gaps gap rows of its Gemeinden in the month ({@code is_gap}); null without gap rows (no demand, no offer)
     * @param shortfall summed shortfall of those gaps (offers missing against the reference area's rate)
     * @param topLanguages the languages with the largest shortfall among its gaps, at most three, by German label
     * @param peers the areas of the run closest in population that delivered offers (at most {@link LandOverviewQueries#PEERS})
     * @param peerMedianPer10k median of the peers' offers per 10,000 residents; null without peers
     */
    public record AreaLine(String id, String name, String regierungsbezirk, Long population, Long offersActive, Long offersPrevious,
                           Long events, Long participants, Long participantsPrevious, Long workshops, Long gaps, Double shortfall,
                           List<String> topLanguages, List<String> peers, Double peerMedianPer10k) {
        public AreaLine {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            topLanguages = List.copyOf(topLanguages);
            peers = List.copyOf(peers);
        }

        /**
         * Whether the area delivered anything for the month (active offers, events or workshops): the rule by which
         * {@code ReportAreas.select} gives an area its folder, so "vorhanden" here means the KI has reports.
         */
        public boolean delivered() {
            return offersActive != null || events != null || workshops != null;
        }

        /** Active offers per 10,000 residents; null without offers or without a population. */
        public Double offersPer10k() {
            return offersActive == null || population == null || population == 0 ? null : offersActive * 10_000.0 / population;
        }
    }

    /** A model project: where it runs, its area, and how many of its indicators are in each latest status. */
    public record ProjectLine(String municipality, String area, String projectId, String title, Map<String, Long> statusCounts) {
        public ProjectLine {
            statusCounts = Map.copyOf(statusCounts);
        }
    }
}
