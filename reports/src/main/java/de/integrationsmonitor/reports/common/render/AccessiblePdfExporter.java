package de.integrationsmonitor.reports.common.render;

import java.util.List;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.type.BandTypeEnum;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.JRPdfExporterTagHelper;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.repo.RepositoryService;

/**
 * Jasper's PDF exporter with {@link AccessiblePdfProducer} and with page headers and footers
 * written as pagination artifacts instead of tagged content: PDF/UA wants running heads and feet
 * ("Seite 1 von 3" on every page) kept out of what a screen reader reads. Its Jasper context
 * serves the sRGB profile for the PDF/A output intent ({@link SrgbProfileRepository}).
 */
final class AccessiblePdfExporter extends JRPdfExporter {
    private static final JasperReportsContext CONTEXT = context();

    AccessiblePdfExporter() {
        super(CONTEXT);
        tagHelper = new RunningElementsAsArtifacts(this);
    }

    @Override
    protected PdfProducer createPdfProducer() {
        return new AccessiblePdfProducer(createPdfProducerContext());
    }

    private static JasperReportsContext context() {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        context.setExtensions(RepositoryService.class, List.of(new SrgbProfileRepository()));
        return context;
    }

    /** Leaves elements of page header and footer bands untagged and has the producer mark them as pagination. */
    private static final class RunningElementsAsArtifacts extends JRPdfExporterTagHelper {
        /** Nesting depth inside a running element (frames export their children in between), 0 outside. */
        private int runningDepth;

        RunningElementsAsArtifacts(JRPdfExporter exporter) {
            super(exporter);
        }

        @Override
        protected void startElement(JRPrintElement element) {
            if (runningDepth > 0) {
                runningDepth++;
                return;
            }
            AccessiblePdfProducer.Running running = running(element);
            if (running == null || !isTagged) {
                super.startElement(element);
                return;
            }
            runningDepth = 1;
            isTagged = false;
            ((AccessiblePdfProducer) pdfProducer).beginRunning(running);
        }

        @Override
        protected void endElement(JRPrintElement element) {
            if (runningDepth == 0) {
                super.endElement(element);
                return;
            }
            if (--runningDepth == 0) {
                ((AccessiblePdfProducer) pdfProducer).endRunning();
                isTagged = true;
            }
        }

        private static AccessiblePdfProducer.Running running(JRPrintElement element) {
            BandTypeEnum band = element.getOrigin() == null ? null : element.getOrigin().getBandType();
            if (band == BandTypeEnum.PAGE_HEADER) {
                return AccessiblePdfProducer.Running.HEADER;
            }
            if (band == BandTypeEnum.PAGE_FOOTER || band == BandTypeEnum.LAST_PAGE_FOOTER) {
                return AccessiblePdfProducer.Running.FOOTER;
            }
            return null;
        }
    }
}
