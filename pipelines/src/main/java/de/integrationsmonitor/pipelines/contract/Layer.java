package de.integrationsmonitor.pipelines.contract;

import java.util.Locale;

/** The medallion layers; each is a schema (database) in SQL and a folder in the warehouse. */
public enum Layer {
    BRONZE,
    SILVER,
    GOLD;

    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
