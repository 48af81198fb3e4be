package de.integrationsmonitor.pipelines.contract;

/**
 * The thresholds of the coverage-gap rule (conf: {@code gaps.min-demand}, {@code gaps.coverage-index-limit}): a
 * Gemeinde or Stadtteil has a gap for a target-group value when at least {@code minDemand} persons need it and its
 * coverage index is below {@code coverageIndexLimit}. Gold applies them; the Versorgungslücken report states them.
 */
public record GapThresholds(long minDemand, double coverageIndexLimit) {
    public GapThresholds {
        if (minDemand < 0) {
            throw new IllegalArgumentException("minDemand must not be negative: " + minDemand);
        }
        if (!(coverageIndexLimit >= 0)) {
            throw new IllegalArgumentException("coverageIndexLimit must be a non-negative number: " + coverageIndexLimit);
        }
    }
}
