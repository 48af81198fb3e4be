package de.integrationsmonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a benchmark result depends on: CPUs, memory, CPU model, operating system and the load when it started. */
final class MachineFacts {
    private MachineFacts() {}

    static String describe() {
        List<String> facts = new ArrayList<>();
        facts.add(Runtime.getRuntime().availableProcessors() + " CPUs (`nproc`)");
        procLine("/proc/meminfo", "MemTotal:").map(line -> line.replaceAll("\\D", ""))
                .ifPresent(kb -> facts.add(String.format(Locale.ROOT, "%.1f GiB memory", Long.parseLong(kb) / 1024.0 / 1024.0)));
        procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).strip()).ifPresent(facts::add);
        facts.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")");
        read("/proc/loadavg").map(line -> "load average " + line.split(" ")[0] + " at start").ifPresent(facts::add);
        return String.join(", ", facts);
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
