package de.integrationsmonitor.reports.common.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;

class TestJasperTemplates {
    @Test
    void compilesOnceAndCaches() {
        JasperReport first = JasperTemplates.compiled("monatsbericht.jrxml");
        JasperReport second = JasperTemplates.compiled("monatsbericht.jrxml");
        assertThat(first.getName()).isEqualTo("monatsbericht");
        assertThat(second).isSameAs(first);
    }

    @Test
    void concurrentCallersGetTheSameCompiledReport() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<JasperReport>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> JasperTemplates.compiled("monatsbericht.jrxml"));
            }
            List<Future<JasperReport>> results = pool.invokeAll(calls);
            JasperReport expected = results.get(0).get();
            for (Future<JasperReport> result : results) {
                assertThat(result.get()).isSameAs(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingTemplateNamesTheResource() {
        assertThatThrownBy(() -> JasperTemplates.compiled("gibt-es-nicht.jrxml"))
                .isInstanceOf(ReportRenderingException.class)
                .hasMessageContaining("/de/integrationsmonitor/reports/templates/gibt-es-nicht.jrxml");
    }
}
