package de.integrationsmonitor.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestGeography {

    private static final Geography NRW = Geography.nrw();

    @Test
    void nrwHasFiveRegierungsbezirkeFiftyThreeKreiseAnd396Gemeinden() {
        Map<String, Long> byLevel = NRW.orgUnits().stream().collect(Collectors.groupingBy(OrgUnit::level, Collectors.counting()));

        assertThat(byLevel).containsEntry(OrgUnit.LAND, 1L).containsEntry(OrgUnit.REGIERUNGSBEZIRK, 5L)
                .containsEntry(OrgUnit.KREIS, 53L).containsEntry(OrgUnit.GEMEINDE, 396L).containsEntry(OrgUnit.STADTTEIL, 9L);
        assertThat(NRW.cities()).hasSize(396);
    }

    @Test
    void nrwHas22KreisfreieStaedteAnd31Kreise() {
        List<OrgUnit> kreise = units(NRW, OrgUnit.KREIS);
        Set<String> kreisfrei = NRW.orgUnits().stream()
                .filter(unit -> unit.level().equals(OrgUnit.GEMEINDE) && unit.id().endsWith("000"))
                .map(OrgUnit::parentId).collect(Collectors.toSet());

        assertThat(kreisfrei).hasSize(22).contains("05111", "05315", "05711", "05913", "05916");
        assertThat(kreise.stream().filter(kreis -> kreisfrei.contains(kreis.id()))).allSatisfy(kreis ->
                assertThat(NRW.city(kreis.name()).id()).isEqualTo(kreis.id() + "000"));
        assertThat(NRW.landkreisNames()).hasSize(31).contains("Kreis Recklinghausen", "Städteregion Aachen", "Hochsauerlandkreis");
    }

    @Test
    void idsFollowTheAgsSchemeAndEveryParentIsOneLevelUp() {
        Map<String, OrgUnit> byId = NRW.orgUnits().stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
        Map<String, String> parentLevel = Map.of(OrgUnit.REGIERUNGSBEZIRK, OrgUnit.LAND, OrgUnit.KREIS, OrgUnit.REGIERUNGSBEZIRK,
                OrgUnit.GEMEINDE, OrgUnit.KREIS, OrgUnit.STADTTEIL, OrgUnit.GEMEINDE);

        for (OrgUnit unit : NRW.orgUnits()) {
            if (unit.level().equals(OrgUnit.LAND)) {
                assertThat(unit.id()).isEqualTo("05");
                continue;
            }
            assertThat(byId.get(unit.parentId()).level()).as(unit.id()).isEqualTo(parentLevel.get(unit.level()));
            assertThat(unit.id()).startsWith(unit.parentId());
        }
        assertThat(units(NRW, OrgUnit.GEMEINDE)).allSatisfy(gemeinde -> assertThat(gemeinde.id()).matches("05\\d{6}"));
    }

    @Test
    void totalsAreTheSumsOfTheirGemeinden() {
        long gemeinden = units(NRW, OrgUnit.GEMEINDE).stream().mapToLong(OrgUnit::population).sum();
        OrgUnit land = units(NRW, OrgUnit.LAND).get(0);

        assertThat(land.population()).isEqualTo(gemeinden).isBetween(17_000_000L, 19_000_000L);
        OrgUnit recklinghausen = NRW.orgUnits().stream().filter(unit -> unit.id().equals("05562")).findFirst().orElseThrow();
        assertThat(recklinghausen.population()).isEqualTo(616_900);
    }

    @Test
    void realNamesAndTheSampleKreisAreKept() {
        assertThat(NRW.city("Castrop-Rauxel").id()).isEqualTo("05562004");
        assertThat(NRW.city("Nettersheim").id()).isEqualTo("05366032");
        assertThat(NRW.city("Schloß Holte-Stukenbrock").id()).isEqualTo("05754036");
        assertThat(NRW.city("Köln").population()).isEqualTo(1_024_000);
        assertThat(NRW.city("Waltrop")).isEqualTo(Geography.sample().city("Waltrop"));
        List<String> names = NRW.orgUnits().stream().map(OrgUnit::name).toList();
        assertThat(names).containsAll(NRW.modelMunicipalities());
    }

    @Test
    void gemeindeNamesAreUnique() {
        List<String> names = units(NRW, OrgUnit.GEMEINDE).stream().map(OrgUnit::name).toList();

        assertThat(new HashSet<>(names)).hasSize(396);
    }

    @Test
    void germanyHasSixteenLaenderAndAboutElevenThousandUniquelyNamedGemeinden() {
        Geography germany = Geography.germany();
        List<OrgUnit> gemeinden = units(germany, OrgUnit.GEMEINDE);
        Map<String, OrgUnit> byId = germany.orgUnits().stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));

        assertThat(units(germany, OrgUnit.LAND)).hasSize(16).extracting(OrgUnit::name).contains("Bayern", "Nordrhein-Westfalen");
        assertThat(units(germany, OrgUnit.KREIS)).hasSizeBetween(390, 410);
        assertThat(gemeinden).hasSizeBetween(10_500, 11_500);
        assertThat(germany.cities()).hasSize(gemeinden.size());
        assertThat(gemeinden.stream().map(OrgUnit::name).collect(Collectors.toSet())).hasSize(gemeinden.size());
        assertThat(gemeinden).allSatisfy(gemeinde -> {
            assertThat(gemeinde.id()).matches("\\d{8}").startsWith(gemeinde.parentId());
            assertThat(byId.get(gemeinde.parentId()).level()).isEqualTo(OrgUnit.KREIS);
        });
        long population = units(germany, OrgUnit.LAND).stream().mapToLong(OrgUnit::population).sum();
        assertThat(population).isBetween(80_000_000L, 88_000_000L);
        assertThat(germany.city("Castrop-Rauxel")).isEqualTo(NRW.city("Castrop-Rauxel"));
    }

    @Test
    void generatedLandkreiseHavePlausiblePopulations() {
        List<OrgUnit> landkreise = units(Geography.germany(), OrgUnit.KREIS).stream()
                .filter(kreis -> kreis.name().startsWith("Landkreis ")).toList();

        assertThat(landkreise).hasSize(262)
                .allSatisfy(kreis -> assertThat(kreis.population()).as(kreis.name()).isBetween(20_000L, 1_000_000L));
    }

    @Test
    void theSameGeographyEveryTime() {
        assertThat(Geography.germany().orgUnits()).isEqualTo(Geography.germany().orgUnits());
    }

    private static List<OrgUnit> units(Geography geography, String level) {
        return geography.orgUnits().stream().filter(unit -> unit.level().equals(level)).toList();
    }
}
