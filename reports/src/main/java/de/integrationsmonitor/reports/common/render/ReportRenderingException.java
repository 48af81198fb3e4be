package de.integrationsmonitor.reports.common.render;

/**
 * A report could not be compiled, filled or exported. The message names the template or the
 * output file, so the cause can be found without a debugger.
 */
public final class ReportRenderingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportRenderingException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReportRenderingException(String message) {
        super(message);
    }
}
