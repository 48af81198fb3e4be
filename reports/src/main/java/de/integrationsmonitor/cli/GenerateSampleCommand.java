package de.integrationsmonitor.cli;

import de.integrationsmonitor.pipelines.sample.SampleDataGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imon generate-sample}: writes the seeded sample input folder. */
@Command(name = "generate-sample",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        description = "Erzeugt die Beispieldaten (Kreis Recklinghausen) reproduzierbar aus einem Startwert.")
final class GenerateSampleCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    GermanHelp germanHelp = new GermanHelp();

    @Option(names = "--out", paramLabel = "ORDNER", description = "Zielordner (Standard: ./sample-data).")
    Path out;

    @Option(names = "--seed", paramLabel = "ZAHL", description = "Startwert des Zufallsgenerators (Standard: ${DEFAULT-VALUE}).", defaultValue = "20261122")
    long seed;

    @Override
    public Integer call() {
        Path target = out == null ? Imon.home().resolve("sample-data") : out.toAbsolutePath();
        SampleDataGenerator.generate(target, seed);
        System.out.println("Beispieldaten geschrieben nach " + target);
        return 0;
    }
}
