package de.integrationsmonitor.reports.common.disclosure;

/**
 * Small-count protection (statistical disclosure control) for counts of persons that leave the
 * warehouse in a report or export. A count from 1 to k−1 is shown as {@value #MARK} (primary
 * suppression); 0 stays 0. Where totals are shown, {@link DisclosurePlan} also hides a second entry
 * of a sum that would otherwise give the first away (secondary suppression), over all reports of a run.
 *
 * <p>The Delta tables keep the true values; only what is shown is protected.
 */
public final class SmallCounts {
    /** The mark shown instead of a protected count. */
    public static final String MARK = "•";
    /** Legend sentence for reports. */
    public static final String LEGEND_FORMAT = "„•“: weniger als %d Personen; zum Schutz kleiner Fallzahlen nicht ausgewiesen, "
            + "ebenso ein zweiter Wert, wo er sich sonst aus einer Summe in diesem oder einem anderen Bericht des Laufs errechnen ließe.";

    private final int k;

    /** @param k the smallest count shown as it is (conf: disclosure.min-count, default 3) */
    public SmallCounts(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** True for a count of persons that must not be shown: 1 to k−1. */
    public boolean isSmall(long count) {
        return count >= 1 && count < k;
    }

    /** The legend for a report that shows {@value #MARK}. */
    public String legend() {
        return String.format(LEGEND_FORMAT, k);
    }
}
