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

    /**
     * No more log output (unless --verbose): for a command stopped from outside, whose Spark jobs are cancelled under
     * it and log their errors with stack traces while the JVM shuts down.
     */
    static void silenceUnlessVerbose() {
        if (!Boolean.getBoolean("imon.verbose")) {
            Configurator.setRootLevel(Level.OFF);
        }
    }
}
