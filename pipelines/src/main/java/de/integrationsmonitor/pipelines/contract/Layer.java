package de.integrationsmonitor.pipelines.contract;

import java.util.Locale;

/**
 * The medallion layers, and the bookkeeping beside them; each is a schema (database) in SQL and a folder in the
 * warehouse. {@link #OPS} holds what runs record about themselves (run log, table versions, file accounting,
 * data-quality results): operational metadata, not a gold mart.
 */
public enum Layer {
    BRONZE,
    SILVER,
    GOLD,
    OPS;

    public String schemaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
