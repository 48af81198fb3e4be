package de.integrationsmonitor.pipelines.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FsConstants;

/** The FileContext view of {@link NioRawLocalFileSystem} (Delta's log store renames through it). */
public class NioLocalFs extends DelegateToFileSystem {

    public NioLocalFs(Configuration conf) throws IOException, URISyntaxException {
        this(FsConstants.LOCAL_FS_URI, conf);
    }

    public NioLocalFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
        super(uri, new NioRawLocalFileSystem(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
        return -1;
    }

    @Override
    public boolean isValidName(String src) {
        return true;
    }
}
