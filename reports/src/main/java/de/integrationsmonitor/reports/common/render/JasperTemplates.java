package de.integrationsmonitor.reports.common.render;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;

/**
 * Loads JRXML templates (JasperReports 7 syntax) from the classpath, compiles each once on first
 * use and keeps the compiled report for the life of the JVM. Safe to use from several threads:
 * a template is compiled at most once, and a compiled {@link JasperReport} may be filled
 * concurrently.
 */
public final class JasperTemplates {
    /** Folder of all report templates on the classpath. */
    public static final String TEMPLATE_FOLDER = "/de/integrationsmonitor/reports/templates/";

    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private JasperTemplates() {}

    /**
     * The compiled template {@code name} (e.g. "monatsbericht.jrxml") from {@link #TEMPLATE_FOLDER}.
     */
    public static JasperReport compiled(String name) {
        requireNonNull(name, "name is null");
        return COMPILED.computeIfAbsent(TEMPLATE_FOLDER + name, JasperTemplates::compile);
    }

    /**
     * Fills template {@code name} with German locale and Europe/Berlin time zone. The template gets
     * its data from {@code parameters} (collections for tables, renderables for charts) and runs
     * over one empty record, so its detail bands are printed exactly once.
     */
    public static JasperPrint fill(String name, Map<String, Object> parameters) {
        return fill(name, parameters, new JREmptyDataSource(1));
    }

    /** Fills template {@code name} from {@code dataSource}, with German locale and time zone. */
    public static JasperPrint fill(String name, Map<String, Object> parameters, JRDataSource dataSource) {
        requireNonNull(parameters, "parameters is null");
        requireNonNull(dataSource, "dataSource is null");
        JasperReport report = compiled(name);
        Map<String, Object> allParameters = new HashMap<>(parameters);
        allParameters.putIfAbsent(JRParameter.REPORT_LOCALE, GermanFormat.LOCALE);
        allParameters.putIfAbsent(JRParameter.REPORT_TIME_ZONE, java.util.TimeZone.getTimeZone(GermanFormat.ZONE));
        try {
            return JasperFillManager.fillReport(report, allParameters, dataSource);
        } catch (JRException e) {
            throw new ReportRenderingException("Failed to fill report template " + name + ": " + e.getMessage(), e);
        }
    }

    private static JasperReport compile(String resource) {
        try (InputStream in = JasperTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReportRenderingException("Report template not found on the classpath: " + resource);
            }
            return JasperCompileManager.compileReport(in);
        } catch (JRException | IOException e) {
            throw new ReportRenderingException("Failed to compile report template " + resource + ": " + e.getMessage(), e);
        }
    }
}
