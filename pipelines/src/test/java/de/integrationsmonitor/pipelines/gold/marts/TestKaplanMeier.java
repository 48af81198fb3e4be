package de.integrationsmonitor.pipelines.gold.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The product-limit estimate against a textbook data set and small cases computed by hand. */
class TestKaplanMeier {

    /**
     * Freireich et al. (1963), 6-MP arm: remission times in weeks of 21 leukaemia patients, + = censored:
     * 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13, 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+.
     * Published (e.g. Kleinbaum &amp; Klein, Survival Analysis; R survival's survfit with conf.type "log-log"):
     * S(6) = 0.857 (0.620, 0.952), S(10) = 0.7529 (0.503, 0.889), S(23) = 0.4482 (0.188, 0.680), median 23.
     */
    @Test
    void freireichSixMp() {
        int[] weeks = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
        boolean[] relapse = {true, true, true, false, true, false, true, false, false, true, true, false, false, false, true, true,
                false, false, false, false, false};
        List<KaplanMeier.Tally> tallies = new ArrayList<>();
        for (int i = 0; i < weeks.length; i++) {
            tallies.add(new KaplanMeier.Tally(weeks[i], relapse[i] ? 1 : 0, relapse[i] ? 0 : 1));
        }
        KaplanMeier estimate = KaplanMeier.of(tallies);

        assertThat(estimate.cases()).isEqualTo(21);
        assertThat(estimate.events()).isEqualTo(9);
        assertThat(estimate.survival(10)).isCloseTo(0.7529, within(5e-5));
        assertThat(estimate.survival(23)).isCloseTo(0.4482, within(5e-5));
        assertThat(estimate.survival(5)).isEqualTo(1.0);
        assertThat(estimate.survival(12)).isCloseTo(0.7529, within(5e-5)); // flat between event times
        assertThat(estimate.medianDays()).isEqualTo(23);
        // the interval of the share 1 − S is 1 minus the published interval of S
        double[] at6 = estimate.shareIntervalWithin(6);
        assertThat(at6[0]).isCloseTo(1 - 0.952, within(5e-4));
        assertThat(at6[1]).isCloseTo(1 - 0.620, within(5e-4));
        double[] at10 = estimate.shareIntervalWithin(10);
        assertThat(at10[0]).isCloseTo(1 - 0.889, within(5e-4));
        assertThat(at10[1]).isCloseTo(1 - 0.503, within(5e-4));
        double[] at23 = estimate.shareIntervalWithin(23);
        assertThat(at23[0]).isCloseTo(1 - 0.680, within(5e-4));
        assertThat(at23[1]).isCloseTo(1 - 0.188, within(5e-4));
        // at-risk sets: 21 at week 6, 17 at week 7, 15 at week 10 (censored cases of week 10 are still at risk)
        assertThat(estimate.steps()).extracting(KaplanMeier.Step::day).startsWith(6, 7, 9, 10);
        assertThat(estimate.steps()).extracting(KaplanMeier.Step::atRisk).startsWith(21L, 17L, 16L, 15L);
    }

    /**
     * Eight cases: three events on day 20 (a tie), one censored on day 30, an event and a censoring on day 56, an event
     * on day 75, a censoring on day 183. S(20) = 5/8; at day 56 four are at risk (the censoring that day too):
     * S(56) = 5/8 · 3/4 = 15/32 = 0.46875; S(75) = 15/32 · 1/2 = 0.234375.
     * V(56) = 3/(8·5) + 1/(4·3) = 0.158333; log-log: share in (0.237140, 0.880076).
     * Median 56 (first event day with S ≤ ½); naive: 4 of 5 events within 56 days.
     */
    @Test
    void tiesAndCensoringByHand() {
        KaplanMeier estimate = KaplanMeier.of(List.of(new KaplanMeier.Tally(20, 3, 0), new KaplanMeier.Tally(30, 0, 1),
                new KaplanMeier.Tally(56, 1, 1), new KaplanMeier.Tally(75, 1, 0), new KaplanMeier.Tally(183, 0, 1)));

        assertThat(estimate.shareWithin(56)).isCloseTo(0.53125, within(1e-12));
        assertThat(estimate.shareWithin(55)).isCloseTo(0.375, within(1e-12));
        assertThat(estimate.survival(75)).isCloseTo(0.234375, within(1e-12));
        assertThat(estimate.shareIntervalWithin(56)).containsExactly(new double[] {0.237140, 0.880076}, within(1e-6));
        assertThat(estimate.medianDays()).isEqualTo(56);
        assertThat(estimate.naiveShareWithin(56)).isEqualTo(0.8);
        assertThat(estimate.cases()).isEqualTo(8);
        assertThat(estimate.events()).isEqualTo(5);
        assertThat(estimate.censored()).isEqualTo(3);
        assertThat(estimate.steps()).extracting(KaplanMeier.Step::atRisk).containsExactly(8L, 5L, 4L, 2L, 1L);
    }

    /** S exactly ½ is the median (two of four on day 10), not the next event day; the midpoint rule would say 12. */
    @Test
    void medianWhereSurvivalIsExactlyHalf() {
        KaplanMeier estimate = KaplanMeier.of(List.of(new KaplanMeier.Tally(10, 2, 0), new KaplanMeier.Tally(14, 1, 0),
                new KaplanMeier.Tally(30, 0, 1)));

        assertThat(estimate.survival(10)).isEqualTo(0.5);
        assertThat(estimate.medianDays()).isEqualTo(10);
    }

    /** No event: share 0, no interval, no median, no naive share. All reached: share 1, no interval (S = 0). */
    @Test
    void noEventsAndAllReached() {
        KaplanMeier none = KaplanMeier.of(List.of(new KaplanMeier.Tally(12, 0, 3)));
        assertThat(none.shareWithin(56)).isZero();
        assertThat(none.shareIntervalWithin(56)).isNull();
        assertThat(none.medianDays()).isNull();
        assertThat(none.naiveShareWithin(56)).isNull();

        KaplanMeier all = KaplanMeier.of(List.of(new KaplanMeier.Tally(0, 1, 0), new KaplanMeier.Tally(5, 1, 0)));
        assertThat(all.shareWithin(56)).isEqualTo(1.0);
        assertThat(all.shareIntervalWithin(56)).isNull();
        assertThat(all.shareWithin(0)).isEqualTo(0.5); // T = 0 counts on day 0
        assertThat(all.medianDays()).isZero();
    }
}
