package de.integrationsmonitor.pipelines.testing;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.config.Vocabularies;
import de.integrationsmonitor.pipelines.silver.OrgUnits;
import java.nio.file.Path;
import java.util.List;

/** The project's conf/ and a tiny org-unit tree shared by the refinement tests. */
public final class Fixtures {
    private Fixtures() {}

    /** The project's conf/, found from the module folder a test runs in (pipelines, reports, app, generator, bench). */
    public static Path projectConf() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (dir.resolve("conf").toFile().isDirectory() && dir.resolve("pom.xml").toFile().isFile()) {
                return dir.resolve("conf");
            }
        }
        throw new IllegalStateException("no conf/ folder above " + Path.of("").toAbsolutePath());
    }

    public static Vocabularies vocabularies() {
        return Vocabularies.load(projectConf());
    }

    public static Aliases aliases() {
        return Aliases.load(projectConf());
    }

    /** Kreis Recklinghausen (05562) with Castrop-Rauxel and Marl, and the kreisfreie Stadt Köln. */
    public static OrgUnits orgUnits() {
        return new OrgUnits(List.of(
                new OrgUnits.OrgUnit("05", "Nordrhein-Westfalen", "land", null, null, null),
                new OrgUnits.OrgUnit("055", "Münster", "regierungsbezirk", "05", null, "055"),
                new OrgUnits.OrgUnit("053", "Köln", "regierungsbezirk", "05", null, "053"),
                new OrgUnits.OrgUnit("05562", "Kreis Recklinghausen", "kreis", "055", "05562", "055"),
                new OrgUnits.OrgUnit("05562004", "Castrop-Rauxel", "gemeinde", "05562", "05562", "055"),
                new OrgUnits.OrgUnit("05562024", "Marl", "gemeinde", "05562", "05562", "055"),
                new OrgUnits.OrgUnit("05315", "Köln", "kreis", "053", "05315", "053"),
                new OrgUnits.OrgUnit("05315000", "Köln", "gemeinde", "05315", "05315", "053")), aliases());
    }
}
