package de.integrationsmonitor.pipelines.silver;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.OrgLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The org-unit hierarchy as the refinements need it: which names mean which Gemeinde or Kreis
 * (case-insensitive, with aliases from conf/), and each unit's Kreis and Regierungsbezirk.
 */
public final class OrgUnits {
    /** One org unit with its resolved ancestors. */
    /** {@code level}: an {@link OrgLevel} code, as stored in silver. */
    public record OrgUnit(String id, String name, String level, String parentId, String kreisId, String regierungsbezirkId) {
        public OrgUnit {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
            requireNonNull(level, "level is null");
        }
    }

    private final Map<String, OrgUnit> byId;
    private final Map<String, String> aliases;

    public OrgUnits(List<OrgUnit> units, Aliases aliases) {
        Map<String, OrgUnit> map = new LinkedHashMap<>();
        units.forEach(unit -> map.put(unit.id(), unit));
        this.byId = Map.copyOf(map);
        this.aliases = aliases.cityNames();
    }

    /** Reads the units from {@code silver.reference__org_units}. */
    public static OrgUnits fromSilver(Dataset<Row> silverOrgUnits, Aliases aliases) {
        List<OrgUnit> units = silverOrgUnits.select("org_unit_id", "name", "level", "parent_id", "kreis_id", "regierungsbezirk_id")
                .collectAsList().stream()
                .map(r -> new OrgUnit(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)))
                .toList();
        return new OrgUnits(units, aliases);
    }

    public List<OrgUnit> all() {
        return List.copyOf(byId.values());
    }

    public List<OrgUnit> atLevel(OrgLevel level) {
        return byId.values().stream().filter(unit -> level.is(unit.level())).toList();
    }

    /** Lower-cased name (and alias) to the id of the Gemeinde it names. */
    public Map<String, String> gemeindeByName() {
        return byName(List.of(OrgLevel.GEMEINDE));
    }

    /** Lower-cased name to a Gemeinde, else to a Kreis of that name (a shared name means the Gemeinde). */
    public Map<String, String> gemeindeOrKreisByName() {
        return byName(List.of(OrgLevel.GEMEINDE, OrgLevel.KREIS));
    }

    /** Lower-cased name to any unit, preferring the lowest level (Gemeinde before Kreis before Land). */
    public Map<String, String> anyByName() {
        return byName(List.of(OrgLevel.GEMEINDE, OrgLevel.KREIS, OrgLevel.REGIERUNGSBEZIRK, OrgLevel.LAND,
                OrgLevel.STADTTEIL));
    }

    private Map<String, String> byName(List<OrgLevel> levelsByPreference) {
        Map<String, String> names = new LinkedHashMap<>();
        for (OrgLevel level : levelsByPreference) {
            for (OrgUnit unit : atLevel(level)) {
                names.putIfAbsent(key(unit.name()), unit.id());
            }
        }
        aliases.forEach((alias, name) -> {
            String id = names.get(key(name));
            if (id != null) {
                names.putIfAbsent(key(alias), id);
            }
        });
        return names;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
