package de.integrationsmonitor.pipelines.config;

import de.integrationsmonitor.pipelines.contract.UserException;

/** A setting in conf/ or on the command line that cannot be used. */
public final class ConfigException extends UserException {
    public ConfigException(String message) {
        super(message);
    }
}
