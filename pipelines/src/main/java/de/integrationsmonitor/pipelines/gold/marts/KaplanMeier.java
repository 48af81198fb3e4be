package de.integrationsmonitor.pipelines.gold.marts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan–Meier product-limit estimate of the data contract (gold.time_to_event) over tallies of days: S(t) = Π over
 * event days t_i ≤ t of (1 − d_i / n_i), n_i = cases with T ≥ t_i (a case censored on t_i is still at risk), with the
 * 95 % interval by the log-log transform and Greenwood's variance, the median and the naive completed-waits share.
 * Shares are 1 − S: the share that reached the milestone.
 */
public final class KaplanMeier {
    /** z of the two-sided 95 % interval, exactly as the contract fixes it. */
    static final double Z = 1.96;
    /** S compares with ½ with this tolerance (S is often exactly ½, computed as a product of fractions). */
    static final double TOLERANCE = 1e-9;

    /** Cases with their time on {@code day}: {@code events} reached the milestone, {@code censored} had not yet. */
    public record Tally(int day, long events, long censored) {
        public Tally {
            if (day < 0 || events < 0 || censored < 0) {
                throw new IllegalArgumentException("negative tally: " + day + ", " + events + ", " + censored);
            }
        }
    }

    /**
     * One day with an event or a censoring: at risk before it, events and censorings on it, S after it and Greenwood's
     * sum V over the event days up to it (NaN once an event day took every case at risk).
     */
    public record Step(int day, long atRisk, long events, long censored, double survival, double greenwood) {
        /** The share reached by this day, 1 − S. */
        public double share() {
            return 1 - survival;
        }

        /** The 95 % interval of the share (lower, upper), or null where S is 0 or 1 or V is undefined. */
        public double[] shareInterval() {
            return KaplanMeier.shareInterval(survival, greenwood);
        }
    }

    private final List<Step> steps;
    private final long cases;
    private final long events;
    private final Map<Integer, Long> eventsByDay;

    private KaplanMeier(List<Step> steps, long cases, long events, Map<Integer, Long> eventsByDay) {
        this.steps = List.copyOf(steps);
        this.cases = cases;
        this.events = events;
        this.eventsByDay = eventsByDay;
    }

    /** The estimate over tallies in any order (several tallies of one day are added up). */
    public static KaplanMeier of(List<Tally> tallies) {
        TreeMap<Integer, long[]> byDay = new TreeMap<>();
        long cases = 0;
        for (Tally tally : tallies) {
            long[] counts = byDay.computeIfAbsent(tally.day(), d -> new long[2]);
            counts[0] += tally.events();
            counts[1] += tally.censored();
            cases += tally.events() + tally.censored();
        }
        List<Step> steps = new ArrayList<>();
        Map<Integer, Long> eventsByDay = new TreeMap<>();
        long atRisk = cases;
        long events = 0;
        double survival = 1;
        double greenwood = 0;
        for (Map.Entry<Integer, long[]> day : byDay.entrySet()) {
            long d = day.getValue()[0];
            long c = day.getValue()[1];
            if (d + c == 0) {
                continue;
            }
            if (d > 0) {
                survival *= 1 - (double) d / atRisk;
                greenwood = atRisk == d ? Double.NaN : greenwood + (double) d / (atRisk * (double) (atRisk - d));
                events += d;
                eventsByDay.put(day.getKey(), d);
            }
            steps.add(new Step(day.getKey(), atRisk, d, c, survival, greenwood));
            atRisk -= d + c;
        }
        return new KaplanMeier(steps, cases, events, eventsByDay);
    }

    /** Every day with an event or a censoring, in order. */
    public List<Step> steps() {
        return steps;
    }

    public long cases() {
        return cases;
    }

    public long events() {
        return events;
    }

    public long censored() {
        return cases - events;
    }

    /** S(t): 1 before the first event day. */
    public double survival(int day) {
        return last(day).map(Step::survival).orElse(1.0);
    }

    /** 1 − S(limit): the share that reached the milestone within {@code limit} days. */
    public double shareWithin(int limit) {
        return 1 - survival(limit);
    }

    /** The 95 % interval of {@link #shareWithin} as (lower, upper), or null where S(limit) is 0 or 1 or V is undefined. */
    public double[] shareIntervalWithin(int limit) {
        return last(limit).map(Step::shareInterval).orElse(null);
    }

    /** The smallest event day with S ≤ ½ (not the midpoint rule), or null if S stays above ½. */
    public Integer medianDays() {
        return steps.stream().filter(s -> s.events() > 0 && s.survival() <= 0.5 + TOLERANCE).map(Step::day).findFirst().orElse(null);
    }

    /** Events with T ≤ limit among all events (the completed-waits-only figure), or null without events. */
    public Double naiveShareWithin(int limit) {
        if (events == 0) {
            return null;
        }
        long within = eventsByDay.entrySet().stream().filter(e -> e.getKey() <= limit).mapToLong(Map.Entry::getValue).sum();
        return (double) within / events;
    }

    private java.util.Optional<Step> last(int day) {
        Step found = null;
        for (Step step : steps) {
            if (step.day() > day) {
                break;
            }
            found = step;
        }
        return java.util.Optional.ofNullable(found);
    }

    /**
     * The log-log interval of S, as an interval of 1 − S: S^exp(±z·√V / ln S); the lower share from the larger S.
     * Null where S is 0 or 1 or V is undefined.
     */
    static double[] shareInterval(double survival, double greenwood) {
        if (!(survival > 0 && survival < 1) || Double.isNaN(greenwood)) {
            return null;
        }
        double log = Math.log(survival);
        double spread = Z * Math.sqrt(greenwood) / log;
        double upperSurvival = Math.pow(survival, Math.exp(spread));
        double lowerSurvival = Math.pow(survival, Math.exp(-spread));
        return new double[] {1 - upperSurvival, 1 - lowerSurvival};
    }
}
