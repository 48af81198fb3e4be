package de.integrationsmonitor.generator;

import static de.integrationsmonitor.pipelines.testing.UserErrors.categoryOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import org.junit.jupiter.api.Test;

class TestScale {

    @Test
    void namedAcceptsTheThreeLettersInEitherCase() {
        assertThat(Scale.named("S")).isSameAs(Scale.S);
        assertThat(Scale.named("m")).isSameAs(Scale.M);
        assertThat(Scale.named(" l ")).isSameAs(Scale.L);
    }

    @Test
    void anyOtherNameIsAUserErrorInGerman() {
        assertThat(categoryOf(() -> Scale.named("XL"))).isEqualTo(ErrorCategory.USAGE);
    }

    @Test
    void theSampleScaleKeepsItsNumbers() {
        assertThat(Scale.S).isEqualTo(new Scale("sample", Scale.Region.SAMPLE, 12, 450, 500, 50, 30, 55, 440, 16));
    }

    @Test
    void mIsAllOfNrwWithFiftyThousandOffersInSixtyMonths() {
        assertThat(Scale.M.region()).isEqualTo(Scale.Region.NRW);
        assertThat(Scale.M.months()).isEqualTo(60);
        assertThat(Scale.M.offersLatestSnapshot()).isEqualTo(50_000);
    }

    @Test
    void percentagesOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new Scale("bad", Scale.Region.NRW, 3, 10, 10, 1001, 0, 50, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offersRemovedPerMille");
    }
}
