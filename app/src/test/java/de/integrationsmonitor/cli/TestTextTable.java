package de.integrationsmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Formula injection in {@code imon sql --format csv}: text a spreadsheet would run is neutralised, numbers stay. */
class TestTextTable {
    @Test
    void csvCellsAreNeutralisedButNegativeNumbersStay() {
        StringWriter text = new StringWriter();
        TextTable.writeCsv(SharedSparkSession.get().sql("SELECT '=1+1' AS name, -5 AS delta, '@x' AS other"), new PrintWriter(text));
        assertThat(text.toString()).isEqualTo("name,delta,other\n'=1+1,-5,'@x\n");
    }
}
