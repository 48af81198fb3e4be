package de.integrationsmonitor.pipelines.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs on one warehouse in this process: the second stops at once with a clear message (another process: {@link WarehouseLockIT}). */
class TestWarehouseLock {
    @Test
    void aSecondRunInThisProcessIsRefusedUntilTheFirstReleases(@TempDir Path warehouse) {
        try (WarehouseLock first = WarehouseLock.acquire(warehouse.toString(), "run-1")) {
            assertThatThrownBy(() -> WarehouseLock.acquire(warehouse.toString(), "run-2"))
                    .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.WAREHOUSE))
                    // the message names the run that holds the lock, so the user knows what to wait for
                    .hasMessageStartingWith("Das Warehouse " + warehouse + " wird gerade von einem anderen Lauf benutzt (Lauf run-1, Prozess ");
        }
        WarehouseLock.acquire(warehouse.toString(), "run-3").close();
    }
}
