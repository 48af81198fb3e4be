package de.integrationsmonitor.pipelines.contract;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;

/**
 * The levels of the org-unit hierarchy, from the top: Land > Regierungsbezirk > Kreis (or kreisfreie Stadt) >
 * Gemeinde > Stadtteil. {@link #code()} is the value of the {@code level} column of reference/org_units.csv
 * (lower case), of silver.reference__org_units and of gold.dim_org_units.
 */
public enum OrgLevel {
    LAND("land"),
    REGIERUNGSBEZIRK("regierungsbezirk"),
    KREIS("kreis"),
    GEMEINDE("gemeinde"),
    STADTTEIL("stadtteil");

    private static final List<String> CODES = Arrays.stream(values()).map(OrgLevel::code).toList();

    private final String code;

    OrgLevel(String code) {
        this.code = code;
    }

    /** The code in the delivered files and the tables, e.g. {@code gemeinde}. */
    public String code() {
        return code;
    }

    /** True when {@code level} (a code as stored in the tables) is this level. */
    public boolean is(String level) {
        return code.equals(level);
    }

    /** Every code, from Land down to Stadtteil. */
    public static List<String> codes() {
        return CODES;
    }

    /** The level of a code as stored in the tables; an unknown code is a programming error (silver accepts only these). */
    public static OrgLevel fromCode(String code) {
        requireNonNull(code, "code is null");
        for (OrgLevel level : values()) {
            if (level.code.equals(code)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown org level: " + code + " (expected one of " + CODES + ")");
    }
}
