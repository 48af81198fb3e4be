package de.integrationsmonitor.reports.common.render;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfStructureElement;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.text.AttributedCharacterIterator.Attribute;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.pdf.PdfXmpCreator;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.classic.ClassicPdfStructure;
import net.sf.jasperreports.pdf.classic.ClassicPdfWriter;
import net.sf.jasperreports.pdf.classic.ClassicStructureEntry;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.common.PdfStructure;
import net.sf.jasperreports.pdf.common.PdfStructureEntry;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Jasper's OpenPDF producer with the changes that PDF/A-2 and PDF/UA-1 (as veraPDF checks them)
 * require and that Jasper 7.0.3 with OpenPDF 1.3.43 does not make on its own:
 * <ul>
 * <li>page content outside Jasper's tags (cell backgrounds, rules, borders) is marked as an
 * artifact, running headers and footers as pagination artifacts: PDF/UA allows no untagged content;</li>
 * <li>embedded fonts carry no CIDSet: OpenPDF's CIDSet can miss glyphs of the subset, which
 * PDF/A-2 rejects, and PDF/A-2 does not require a CIDSet at all;</li>
 * <li>table header cells say that they head their column ({@code /Scope /Column}), which PDF/UA
 * requires of a table without explicit header references;</li>
 * <li>the XMP metadata declares PDF/UA-1 ({@code pdfuaid:part}) together with the PDF/A extension
 * schema that PDF/A demands for that property;</li>
 * <li>structure attributes such as an image's alternative text are written as Unicode: Jasper
 * writes them in PDFDocEncoding, which silently drops letters like "ă" or "ş" and all Cyrillic
 * or Arabic script.</li>
 * </ul>
 */
final class AccessiblePdfProducer extends ClassicPdfProducer {
    private static final String PDFUA_NAMESPACE = "http://www.aiim.org/pdfua/ns/id/";
    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName SCOPE = new PdfName("Scope");
    private static final PdfName COLUMN = new PdfName("Column");
    private static final String TABLE_HEADER = "TH";

    /** Kind of a running page element, as the {@code /Subtype} of its pagination artifact. */
    enum Running {
        HEADER("Header"), FOOTER("Footer");

        private final PdfName subtype;

        Running(String subtype) {
            this.subtype = new PdfName(subtype);
        }
    }

    private Structure structure;
    private boolean inArtifact;

    AccessiblePdfProducer(PdfProducerContext context) {
        super(context);
    }

    @Override
    public PdfDocumentWriter createWriter(OutputStream os) throws JRException {
        return new Writer(this, (ClassicPdfWriter) super.createWriter(os));
    }

    @Override
    public Font getFont(Map<Attribute, Object> attributes, Locale locale) {
        Font font = super.getFont(attributes, locale);
        if (font.getBaseFont() != null) {
            font.getBaseFont().setIncludeCidSet(false);
        }
        return font;
    }

    @Override
    public PdfStructure getPdfStructure() {
        if (structure == null) {
            structure = new Structure(this);
        }
        return structure;
    }

    @Override
    public void newPage() {
        super.newPage();
        beginArtifact(null);
    }

    @Override
    public void endPage() {
        endArtifact();
        super.endPage();
    }

    @Override
    public void close() {
        endArtifact();
        super.close();
    }

    /** Starts a running header or footer: content up to {@link #endRunning()} is a pagination artifact. */
    void beginRunning(Running kind) {
        endArtifact();
        PdfDictionary properties = new PdfDictionary();
        properties.put(PdfName.TYPE, PAGINATION);
        properties.put(PdfName.SUBTYPE, kind.subtype);
        beginArtifact(properties);
    }

    void endRunning() {
        endArtifact();
        beginArtifact(null);
    }

    private void beginArtifact(PdfDictionary properties) {
        if (inArtifact) {
            return;
        }
        if (properties == null) {
            getPdfContentByte().beginMarkedContentSequence(ARTIFACT);
        } else {
            getPdfContentByte().beginMarkedContentSequence(ARTIFACT, properties, true);
        }
        inArtifact = true;
    }

    private void endArtifact() {
        if (inArtifact) {
            getPdfContentByte().endMarkedContentSequence();
            inArtifact = false;
        }
    }

    /** Jasper's XMP packet plus {@code pdfuaid:part = 1} and the PDF/A extension schema that describes it. */
    private static byte[] withPdfUaPart(byte[] xmpPacket) {
        try {
            XMPMetaFactory.getSchemaRegistry().registerNamespace(PDFUA_NAMESPACE, "pdfuaid");
            XMPMetaFactory.getSchemaRegistry().registerNamespace(XMPConst.NS_PDFA_EXTENSION, "pdfaExtension");
            XMPMetaFactory.getSchemaRegistry().registerNamespace(XMPConst.NS_PDFA_SCHEMA, "pdfaSchema");
            XMPMetaFactory.getSchemaRegistry().registerNamespace(XMPConst.NS_PDFA_PROPERTY, "pdfaProperty");
            XMPMeta xmp = XMPMetaFactory.parseFromBuffer(xmpPacket);
            xmp.setPropertyInteger(PDFUA_NAMESPACE, "part", 1);

            PropertyOptions struct = new PropertyOptions().setStruct(true);
            xmp.appendArrayItem(XMPConst.NS_PDFA_EXTENSION, "schemas", new PropertyOptions().setArray(true), null, struct);
            String schema = "schemas[last()]";
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA, "schema",
                    "PDF/UA Universal Accessibility Schema");
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA, "namespaceURI", PDFUA_NAMESPACE);
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, schema, XMPConst.NS_PDFA_SCHEMA, "prefix", "pdfuaid");
            String properties = schema + "/pdfaSchema:property";
            xmp.appendArrayItem(XMPConst.NS_PDFA_EXTENSION, properties, new PropertyOptions().setArrayOrdered(true), null, struct);
            String property = properties + "[last()]";
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY, "name", "part");
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY, "valueType", "Integer");
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY, "category", "internal");
            xmp.setStructField(XMPConst.NS_PDFA_EXTENSION, property, XMPConst.NS_PDFA_PROPERTY, "description",
                    "Part of ISO 14289 (PDF/UA) to which the file conforms");

            ByteArrayOutputStream out = new ByteArrayOutputStream(xmpPacket.length + 1024);
            XMPMetaFactory.serialize(xmp, out, new SerializeOptions().setUseCanonicalFormat(true));
            return out.toByteArray();
        } catch (XMPException e) {
            throw new JRRuntimeException(e);
        }
    }

    private static final class Writer extends ClassicPdfWriter {
        private PdfaConformanceEnum conformance;

        Writer(ClassicPdfProducer producer, ClassicPdfWriter classic) {
            super(producer, classic.getPdfWriter());
        }

        @Override
        public void setPdfaConformance(PdfaConformanceEnum pdfaConformance) {
            conformance = pdfaConformance;
            super.setPdfaConformance(pdfaConformance);
        }

        @Override
        public void createXmpMetadata(String title, String subject, String keywords) {
            getPdfWriter().setXmpMetadata(withPdfUaPart(PdfXmpCreator.createXmpMetadata(getPdfWriter(), conformance)));
        }
    }

    /** Ends the decoration artifact while Jasper writes tagged content, and starts it again afterwards. */
    private static final class Structure extends ClassicPdfStructure {
        private final AccessiblePdfProducer producer;

        Structure(AccessiblePdfProducer producer) {
            super(producer);
            this.producer = producer;
        }

        @Override
        public PdfStructureEntry beginTag(PdfStructureEntry parent, String name) {
            producer.endArtifact();
            return super.beginTag(parent, name);
        }

        @Override
        public PdfStructureEntry beginTag(PdfStructureEntry parent, String name, String text) {
            producer.endArtifact();
            return super.beginTag(parent, name, text);
        }

        @Override
        public void endTag() {
            super.endTag();
            producer.beginArtifact(null);
        }

        @Override
        protected ClassicStructureEntry createElement(PdfStructureEntry parent, String name) {
            PdfStructureElement element = super.createElement(parent, name).getElement();
            if (TABLE_HEADER.equals(name)) {
                // Jasper's table component makes TH only of column header cells.
                PdfDictionary attributes = new PdfDictionary();
                attributes.put(PdfName.O, PdfName.TABLE);
                attributes.put(SCOPE, COLUMN);
                element.put(PdfName.A, attributes);
            }
            return new Entry(this, element);
        }
    }

    private static final class Entry extends ClassicStructureEntry {
        Entry(ClassicPdfStructure structure, PdfStructureElement element) {
            super(structure, element);
        }

        @Override
        public void putString(String name, String value) {
            getElement().put(new PdfName(name), new PdfString(value, PdfObject.TEXT_UNICODE));
        }
    }
}
