package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRequestedAreas {
    private static final Path CONF = Path.of("..").toAbsolutePath().normalize().resolve("conf");

    @TempDir
    Path temp;

    /** Before Spark: the delivery's reference/org_units.csv (here with a header alias-free layout and a BOM) decides. */
    @Test
    void anIdThatIsNoKreisOfTheDeliveryIsRefusedBeforeAnythingIsRead() throws IOException {
        Path input = Files.createDirectories(temp.resolve("input/reference")).getParent();
        Files.writeString(input.resolve("reference/org_units.csv"), "\uFEFForg_unit_id;name;level;parent_id;population\n"
                + "05;Nordrhein-Westfalen;land;;18000000\n"
                + "05562;Kreis Recklinghausen;Kreis;05;615000\n"
                + "05562004;Castrop-Rauxel;gemeinde;05562;73000\n", StandardCharsets.UTF_8);

        RequestedAreas.check(List.of("05562"), input, CONF, "--area");
        RequestedAreas.check(List.of(), input, CONF, "--area");
        assertThatThrownBy(() -> RequestedAreas.check(List.of("05562", "99999", "05562004"), input, CONF, "--area"))
                .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.USAGE))
                .hasMessage("Berichtsgebiet (--area): 99999 ist nicht bekannt; 05562004 (Castrop-Rauxel) ist eine Gemeinde, kein Kreis "
                        + "und keine kreisfreie Stadt in reference/org_units.csv der Lieferung. Möglich sind: 05562 Kreis Recklinghausen.");
        // without the file the run checks later, against the warehouse
        RequestedAreas.check(List.of("99999"), temp.resolve("elsewhere"), CONF, "--area");
    }
}
