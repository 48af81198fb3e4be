package de.integrationsmonitor.pipelines.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.silver.OfferCodes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestTargetGroup {
    @Test
    void codesAreTheContractsDimensionValuesInItsOrder() {
        assertThat(TargetGroup.codes()).containsExactly("language", "age_group", "gender", "migration");
        assertThat(TargetGroup.AGE_GROUP.code()).isEqualTo("age_group");
        for (TargetGroup group : TargetGroup.values()) {
            assertThat(TargetGroup.of(group.code())).isSameAs(group);
        }
    }

    @Test
    void anUnknownDimensionIsNamedInTheError() {
        assertThatThrownBy(() -> TargetGroup.of("religion")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'religion'");
        // codes are exact: the enum constant's name or another case is not a code
        assertThatThrownBy(() -> TargetGroup.of("AGE_GROUP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'AGE_GROUP'");
        assertThatThrownBy(() -> TargetGroup.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }

    @Test
    void eachDimensionIsACodedFieldOfTheOffersWithItsVocabulary() {
        Vocabularies vocabularies = Vocabularies.load(Path.of("..").toAbsolutePath().normalize().resolve("conf"));
        for (TargetGroup group : TargetGroup.values()) {
            assertThat(OfferCodes.DIMENSIONS).contains(group.code());
            assertThat(vocabularies.codes(group)).as(group.code()).isNotEmpty();
        }
        assertThat(List.of(TableCatalog.SILVER_OFFER_CODES.schema().fieldNames())).containsExactly("snapshot_date", "offer_id", "dimension", "code");
        assertThat(vocabularies.codes(TargetGroup.GENDER)).containsExactly("d", "m", "w");
        assertThat(vocabularies.displayLabels(TargetGroup.MIGRATION)).containsKeys("mh", "neu");
    }
}
