package de.integrationsmonitor.pipelines.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The target-group dimensions of the data contract: the {@code dimension} values of reference/demand.csv,
 * silver.reference__demand and gold.coverage_gaps, each also the name of its vocabulary in conf/vocabularies.csv
 * and the code column of its silver bridge table. Declared in the contract's order (language, age group,
 * gender, migration), which is the order reports list them in.
 */
public enum TargetGroup {
    LANGUAGE("language"),
    AGE_GROUP("age_group"),
    GENDER("gender"),
    MIGRATION("migration");

    private static final List<String> CODES = Arrays.stream(values()).map(TargetGroup::code).toList();

    private final String code;

    TargetGroup(String code) {
        this.code = code;
    }

    /** The value as written in files and tables ({@code language}, {@code age_group}, ...). */
    public String code() {
        return code;
    }

    /** Every code in declaration order. */
    public static List<String> codes() {
        return CODES;
    }

    /** The dimension whose code is {@code code} (exactly as written in the contract, lower case). */
    public static TargetGroup of(String code) {
        for (TargetGroup group : values()) {
            if (group.code.equals(code)) {
                return group;
            }
        }
        throw new IllegalArgumentException("unknown target-group dimension: '" + code + "' (expected one of " + CODES + ")");
    }
}
