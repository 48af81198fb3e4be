package de.integrationsmonitor.cli;

import picocli.CommandLine.Option;

/** The --help and --version options with German descriptions (picocli's standard ones are English). */
final class GermanHelp {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Diese Hilfe anzeigen und beenden.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Version anzeigen und beenden.")
    boolean version;
}
