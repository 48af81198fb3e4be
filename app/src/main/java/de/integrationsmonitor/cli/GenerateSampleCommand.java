package de.integrationsmonitor.cli;

import de.integrationsmonitor.generator.GenerationSummary;
import de.integrationsmonitor.generator.SampleDataGenerator;
import de.integrationsmonitor.generator.Scale;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code imon generate-sample}: writes a seeded input folder of scale S, M or L, whole or in parts. */
@Command(name = "generate-sample",
        synopsisHeading = "Aufruf: ", commandListHeading = "%nBefehle:%n", optionListHeading = "%nOptionen:%n",
        parameterListHeading = "%nParameter:%n",
        description = "Erzeugt Testdaten reproduzierbar aus einem Startwert: S die Beispieldaten (Kreis Recklinghausen), "
                + "M ganz NRW (396 Gemeinden, 50.000 Angebote, 60 Monatsstände, rund 5 Mio. Teilnahmezeilen), "
                + "L Deutschland (rund 11.000 Gemeinden, rund 100 Mio. Teilnahmezeilen), auf Wunsch in Teilen.",
        footer = {"", "Beispiele:", "  ./imon generate-sample --scale M --out /tmp/nrw",
                "  ./imon generate-sample --scale L --parts 8 --part 3 --out /daten/l   (Teil 3 von 8, z. B. auf Rechner 3)"})
final class GenerateSampleCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    GermanHelp germanHelp = new GermanHelp();

    @Spec
    CommandSpec spec;

    @Option(names = "--scale", paramLabel = "S|M|L", defaultValue = "S",
            description = "Umfang: S Beispieldaten, M ganz NRW, L Deutschland (Standard: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--out", paramLabel = "ORDNER",
            description = "Zielordner (Standard: ./sample-data für S, ./sample-data-m bzw. ./sample-data-l für M und L).")
    Path out;

    @Option(names = "--seed", paramLabel = "ZAHL", description = "Startwert des Zufallsgenerators (Standard: ${DEFAULT-VALUE}).",
            defaultValue = "20261122")
    long seed;

    @Option(names = "--parts", paramLabel = "N", defaultValue = "1",
            description = "In N Teile zerlegen (nur M und L): jeder Teil enthält ganze Monate, alle Teile zusammen ergeben "
                    + "dieselben Dateien wie ein Lauf ohne Teile. Ohne --part werden alle Teile parallel erzeugt.")
    int parts;

    @Option(names = "--part", paramLabel = "K",
            description = "Nur Teil K (1 bis N) erzeugen, z. B. auf einem von N Rechnern; schreibt README_teil-K-von-N.md.")
    Integer part;

    @Override
    public Integer call() {
        Scale chosen = Scale.named(scale);
        Path target = out != null ? out.toAbsolutePath() : Imon.home().resolve(defaultFolder(chosen));
        GenerationSummary summary = SampleDataGenerator.generate(target, seed, chosen, parts, part == null ? 0 : part);
        PrintWriter writer = spec.commandLine().getOut();
        writer.println(message(summary));
        writer.flush();
        return 0;
    }

    private static String defaultFolder(Scale scale) {
        return scale == Scale.S ? "sample-data" : "sample-data-" + scale.name().toLowerCase(Locale.ROOT);
    }

    /** One German line: what was written where, how much and how fast. */
    static String message(GenerationSummary summary) {
        Locale german = Locale.GERMANY;
        String scope = summary.part() > 0 ? "Teil " + summary.part() + " von " + summary.parts() + " der Testdaten" : "Testdaten";
        String label = summary.scale().equals(Scale.S.name()) ? "S" : summary.scale();
        return String.format(german, "%s (Umfang %s, Startwert %d) geschrieben nach %s: %,d Zeilen in %,d Dateien (%,.1f MB), "
                        + "Laufzeit %,.1f s (%,d Zeilen/s).",
                scope, label, summary.seed(), summary.outputDir(), summary.rows(), summary.files(), summary.bytes() / 1e6,
                summary.wallTime().toMillis() / 1000.0, Math.round(summary.rowsPerSecond()));
    }
}
