package de.integrationsmonitor.reports.common.render;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import net.sf.jasperreports.repo.InputStreamResource;
import net.sf.jasperreports.repo.RepositoryService;
import net.sf.jasperreports.repo.Resource;

/**
 * Serves the JDK's built-in sRGB ICC profile to Jasper under {@link #LOCATION}. PDF/A needs an
 * output intent with an embedded profile, and Jasper only reads that profile from a repository
 * location; this way no profile file has to be shipped or written to disk.
 */
final class SrgbProfileRepository implements RepositoryService {
    /** Value for Jasper's ICC profile path ({@code net.sf.jasperreports.export.pdfa.icc.profile.path}). */
    static final String LOCATION = "integrationsmonitor:sRGB.icc";

    private static final byte[] PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    @Override
    public Resource getResource(String uri) {
        return getResource(uri, InputStreamResource.class);
    }

    @Override
    public void saveResource(String uri, Resource resource) {
        throw new UnsupportedOperationException("read-only repository");
    }

    @Override
    public <K extends Resource> K getResource(String uri, Class<K> resourceType) {
        if (!LOCATION.equals(uri) || !resourceType.isAssignableFrom(InputStreamResource.class)) {
            return null;
        }
        InputStreamResource resource = new InputStreamResource();
        resource.setInputStream(new ByteArrayInputStream(PROFILE));
        return resourceType.cast(resource);
    }
}
