package de.integrationsmonitor.pipelines.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImonConfig {
    @TempDir
    Path root;

    @Test
    void pinsTheDefaults() {
        ImonConfig config = ImonConfig.defaults(root);

        assertThat(config.inputPath()).isEqualTo(root.resolve("sample-data"));
        assertThat(config.warehousePath()).isEqualTo(root.resolve("warehouse").toString());
        assertThat(config.outputPath()).isEqualTo(root.resolve("out"));
        assertThat(config.sparkMaster()).isEqualTo("local[*]");
        assertThat(config.shufflePartitions()).isEqualTo(4);
        assertThat(config.reportAreas()).isEmpty();
        assertThat(config.gapsMinDemand()).isEqualTo(200);
        assertThat(config.gapsCoverageIndexLimit()).isEqualTo(0.5);
        assertThat(config.disclosureMinCount()).isEqualTo(3);
        assertThat(config.tteLimitDays()).isEqualTo(56);
        assertThat(config.tteIndicators()).isEqualTo(java.util.Map.of("kursbeginn", "IND-01"));
    }

    @Test
    void timeToEventSettingsAreCheckedWithGermanMessages() throws IOException {
        Files.writeString(root.resolve("imon.properties"), "tte.limit-days = 28\ntte.indicators = Kursbeginn:K-8, erstberatung : K-2\n");
        ImonConfig config = ImonConfig.load(root, root);
        assertThat(config.tteLimitDays()).isEqualTo(28);
        assertThat(config.tteIndicators()).isEqualTo(java.util.Map.of("kursbeginn", "K-8", "erstberatung", "K-2"));

        Files.writeString(root.resolve("imon.properties"), "tte.indicators = zuzug:IND-01\n");
        assertThatThrownBy(() -> ImonConfig.load(root, root)).isInstanceOf(ConfigException.class)
                .hasMessage("tte.indicators: 'zuzug:IND-01' ist kein Paar Meilenstein:Indikator-ID; Meilensteine sind kursbeginn, "
                        + "erstberatung, arbeitsaufnahme (Beispiel: kursbeginn:IND-01)");
        Files.writeString(root.resolve("imon.properties"), "tte.limit-days = 0\n");
        assertThatThrownBy(() -> ImonConfig.load(root, root)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tte.limit-days muss mindestens 1 sein");
        Files.writeString(root.resolve("imon.properties"), "tte.indicators =\n");
        assertThat(ImonConfig.load(root, root).tteIndicators()).isEmpty();
    }

    @Test
    void fileOverridesDefaultsAndKeepsUriWarehouses() throws IOException {
        Files.writeString(root.resolve("imon.properties"), "warehouse.path = s3a://bucket/imon\ninput.path=/data/in\nspark.shuffle-partitions=64\n");

        ImonConfig config = ImonConfig.load(root, root);

        assertThat(config.warehousePath()).isEqualTo("s3a://bucket/imon");
        assertThat(config.inputPath()).isEqualTo(Path.of("/data/in"));
        assertThat(config.shufflePartitions()).isEqualTo(64);
        assertThat(config.outputPath()).isEqualTo(root.resolve("out"));
    }

    @Test
    void reportAreasTakeAListAndTheOldSingleAreaKey() throws IOException {
        Files.writeString(root.resolve("imon.properties"), "report.areas = 05562, 05711,,05562\n");
        assertThat(ImonConfig.load(root, root).reportAreas()).containsExactly("05562", "05711");

        Files.writeString(root.resolve("imon.properties"), "report.area-id = 05562\n");
        assertThat(ImonConfig.load(root, root).reportAreas()).containsExactly("05562");
    }

    @Test
    void refusesUnknownKeysWithGermanMessage() throws IOException {
        Files.writeString(root.resolve("imon.properties"), "warehouse.pth = x\n");

        assertThatThrownBy(() -> ImonConfig.load(root, root))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIG))
                .hasMessageContaining("'warehouse.pth'"); // names the bad key
    }

    @Test
    void projectConfFileLoads() {
        Path project = Path.of("..").toAbsolutePath().normalize();
        ImonConfig config = ImonConfig.load(project, project.resolve("conf"));

        assertThat(config.reportAreas()).isEmpty();
        assertThat(Vocabularies.load(project.resolve("conf")).labels(TargetGroup.LANGUAGE)).containsEntry("türkisch", "tr")
                .containsEntry("sprache nicht festgelegt", "de");
        assertThat(Aliases.load(project.resolve("conf")).cityNames()).containsEntry("castrup-rauxel", "Castrop-Rauxel");
    }
}
