package de.integrationsmonitor.pipelines.contract;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ids of report areas: a Kreis or kreisfreie Stadt (level {@code kreis} in reference/org_units.csv), one per
 * Kommunales Integrationszentrum. Checked against the delivery before a run starts and against the warehouse after
 * gold, with the same message.
 */
public final class AreaIds {
    private AreaIds() {}

    /**
     * Throws a user error naming every id of {@code requested} that is unknown or not a Kreis, with the valid ones.
     *
     * @param names name per org-unit id
     * @param levels level code per org-unit id (as in the tables: lower case)
     * @param origin how the ids were given ("--area": a usage error; else a setting in conf/, a configuration error)
     * @param source where the ids were looked up, for the message
     */
    public static void refuseUnknown(List<String> requested, Map<String, String> names, Map<String, String> levels, String origin,
                                      String source) {
        List<String> problems = new ArrayList<>();
        for (String id : requested) {
            String level = levels.get(id);
            if (level == null) {
                problems.add(id + " ist nicht bekannt");
            } else if (!OrgLevel.KREIS.is(level)) {
                problems.add(id + " (" + names.get(id) + ") ist " + article(level) + ", kein Kreis und keine kreisfreie Stadt");
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        Collator collator = Collator.getInstance(Locale.GERMAN);
        String valid = levels.entrySet().stream().filter(e -> OrgLevel.KREIS.is(e.getValue()))
                .map(e -> e.getKey() + " " + names.get(e.getKey()))
                .sorted(Comparator.comparing(text -> text.substring(text.indexOf(' ') + 1), collator))
                .collect(Collectors.joining(", "));
        // an option is a usage mistake, a setting in conf/ a configuration mistake
        throw new UserException(origin.startsWith("--") ? ErrorCategory.USAGE : ErrorCategory.CONFIG, "Berichtsgebiet (" + origin + "): " + String.join("; ", problems)
                + " in " + source + ". " + (valid.isEmpty() ? "Dort ist kein Kreis und keine kreisfreie Stadt verzeichnet."
                : "Möglich sind: " + valid + "."));
    }

    private static String article(String level) {
        return switch (level) {
            case "land" -> "das Land";
            case "regierungsbezirk" -> "ein Regierungsbezirk";
            case "gemeinde" -> "eine Gemeinde";
            case "stadtteil" -> "ein Stadtteil";
            default -> "von der Ebene '" + level + "'";
        };
    }

}
