package de.integrationsmonitor.pipelines.contract;

/**
 * The thresholds of the coverage-gap rule (conf: {@code gaps.min-demand}, {@code gaps.coverage-index-limit}): a
 * Gemeinde or Stadtteil has a gap for a target-group value when at least {@code minDemand} persons need it and its
 * coverage index is below {@code coverageIndexLimit}. Gold applies them; the Versorgungslücken report states them.
 * {@code catchmentKm} ({@code access.catchment-km}) is the catchment radius d0 of the accessibility mart
 * ({@code gold.offer_access}), whose access gaps use the same two thresholds.
 */
public record GapThresholds(long minDemand, double coverageIndexLimit, double catchmentKm) {
    /** The contract's default catchment radius, 15 km. */
    public static final double DEFAULT_CATCHMENT_KM = 15.0;

    public GapThresholds {
        if (minDemand < 0) {
            throw new IllegalArgumentException("minDemand must not be negative: " + minDemand);
        }
        if (!(coverageIndexLimit >= 0)) {
            throw new IllegalArgumentException("coverageIndexLimit must be a non-negative number: " + coverageIndexLimit);
        }
        if (!(catchmentKm > 0) || Double.isInfinite(catchmentKm)) {
            throw new IllegalArgumentException("catchmentKm must be a positive number: " + catchmentKm);
        }
    }

    /** The gap thresholds with the default catchment. */
    public GapThresholds(long minDemand, double coverageIndexLimit) {
        this(minDemand, coverageIndexLimit, DEFAULT_CATCHMENT_KM);
    }
}
