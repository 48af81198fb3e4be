package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process ({@link HoldLock}) holds the warehouse: this run stops with a clear message; a killed holder leaves no stale lock. */
class WarehouseLockIT {
    @Test
    void anotherProcessHoldingTheLockStopsThisRunAndItsKillFreesTheWarehouse(@TempDir Path warehouse)
            throws IOException, InterruptedException {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldLock.class.getName(), warehouse.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse.toString(), "run-2"))
                    .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.WAREHOUSE))
                    .hasMessageContaining("Lauf other-run, Prozess " + other.pid());
        } finally {
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        WarehouseLock.acquire(warehouse.toString(), "run-3").close();
    }
}
