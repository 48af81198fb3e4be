package de.integrationsmonitor.pipelines.config;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;

/** A setting in conf/ that cannot be used: a {@link UserException} of category {@link ErrorCategory#CONFIG}. */
public final class ConfigException extends UserException {
    public ConfigException(String message) {
        super(ErrorCategory.CONFIG, message);
    }
}
