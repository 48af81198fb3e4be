package de.integrationsmonitor.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Console logging: quiet by default (log4j2.properties), everything with --verbose. */
final class Logging {
    private Logging() {}

    static void verbose() {
        Configurator.setRootLevel(Level.INFO);
        Configurator.setLevel("de.integrationsmonitor", Level.DEBUG);
    }
}
