package de.integrationsmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRunProcess {
    @TempDir
    Path temp;

    @Test
    void readsStageLinesWithGermanNumbers() {
        RunProcess.Stage bronze = RunProcess.Stage.parse("[2] Bronze       7,5 s  23 Dateien: 23 neu oder geändert (8.008 Zeilen), "
                + "0 unverändert, 0 abgelehnt").orElseThrow();
        assertThat(bronze.name()).isEqualTo("Bronze");
        assertThat(bronze.seconds()).isEqualTo(7.5);
        assertThat(bronze.bronzeRows()).isEqualTo(8_008);
        assertThat(RunProcess.Stage.parse("[7] Lücken    1.234,5 s  Versorgungslücken: 11 PDF").orElseThrow().seconds())
                .isEqualTo(1234.5);
        assertThat(RunProcess.Stage.parse("Eingabe:   /tmp/input")).isEmpty();
        RunProcess.Stage gold = RunProcess.Stage.parse("[5] Gold        12,0 s  12 Monate (2025-11 bis 2026-10), Berichtsmonat 2026-10, "
                + "1.105,9 s für Versorgungslücken (davon 3,8 s Erreichbarkeit, gold.offer_access)").orElseThrow();
        assertThat(gold.gapSeconds()).containsExactly(1105.9, 3.8);
        assertThat(bronze.gapSeconds()).containsExactly(-1.0, -1.0);
    }

    @Test
    void peakHeapIsTheLargestUseBeforeACollectionOrAtExit() throws IOException {
        Path log = temp.resolve("gc.log");
        Files.write(log, List.of(
                "[0.011s][info][gc] Using G1",
                "[1.683s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 35.677ms",
                "[2.798s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 123M->105M(256M) 13.528ms",
                "[2.800s][info][gc] GC(2) Concurrent Undo Cycle",
                "[3.373s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 131072K [0x00000000f0000000, 0x0000000100000000)"));
        RunProcess.HeapPeaks peaks = RunProcess.HeapPeaks.of(log);
        assertThat(peaks.usedMb()).isEqualTo(128); // at exit, above the 123 MB before GC(1)
        assertThat(peaks.liveMb()).isEqualTo(105);
        assertThat(RunProcess.HeapPeaks.of(temp.resolve("missing.log"))).isEqualTo(new RunProcess.HeapPeaks(-1, -1));
    }

    @Test
    void monthlyDeliveryHoldsBackTheLastParticipationFileAndSnapshot() throws IOException {
        Path source = temp.resolve("input");
        for (String file : List.of("offers/angebote_2026-03-02.csv", "offers/angebote_2026-10-01.csv",
                "participation/teilnahmen_2026-09.csv", "participation/teilnahmen_2026-10.csv", "reference/org_units.csv")) {
            Files.createDirectories(source.resolve(file).getParent());
            Files.writeString(source.resolve(file), file);
        }
        Bench.Incremental delivery = Bench.Incremental.prepare(source, temp.resolve("incremental"));
        assertThat(delivery.month()).hasToString("2026-10");
        assertThat(delivery.heldBack()).containsExactly("participation/teilnahmen_2026-10.csv", "offers/angebote_2026-10-01.csv");
        assertThat(temp.resolve("incremental/participation/teilnahmen_2026-10.csv")).doesNotExist();
        assertThat(temp.resolve("incremental/participation/teilnahmen_2026-09.csv")).exists();
        delivery.deliver();
        assertThat(temp.resolve("incremental/offers/angebote_2026-10-01.csv")).hasContent("offers/angebote_2026-10-01.csv");
    }

    @Test
    void measuredRunsUseTheLaunchersClassArchiveOnlyWhenItIsNewerThanTheJar() throws IOException {
        Path jar = Files.writeString(temp.resolve("imon.jar"), "jar");
        assertThat(RunProcess.classDataSharing(jar)).isEmpty();
        Path archive = Files.writeString(temp.resolve("imon.jsa"), "archive");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(2_000_000));
        assertThat(RunProcess.classDataSharing(jar)).containsExactly("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(3_000_000)); // jar rebuilt: archive stale
        assertThat(RunProcess.classDataSharing(jar)).isEmpty();
    }
}
