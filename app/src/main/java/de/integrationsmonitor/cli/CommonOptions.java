package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.config.ImonConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that touch the warehouse. */
final class CommonOptions {
    @Option(names = "--warehouse", paramLabel = "ORDNER",
            description = "Delta-Warehouse (Standard: warehouse.path aus conf/imon.properties, sonst ./warehouse).")
    String warehouse;

    @Option(names = "--conf", paramLabel = "ORDNER",
            description = "Konfigurationsordner mit imon.properties, Vokabularen und Aliasen (Standard: ./conf).")
    Path confDir;

    @Option(names = "--verbose", description = "Ausführliche Protokollausgabe (Spark-Logs, Stacktraces).")
    boolean verbose;

    ImonConfig config() {
        Path home = Imon.home();
        ImonConfig config = ImonConfig.load(home, confDir == null ? home.resolve("conf") : confDir.toAbsolutePath());
        if (warehouse != null) {
            config = config.withWarehousePath(warehouse);
        }
        if (verbose) {
            System.setProperty("imon.verbose", "true");
            Logging.verbose();
        }
        return config;
    }
}
