package de.integrationsmonitor.pipelines.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids: UTC start time plus a short random suffix, e.g. {@code 20261122T211503Z-3f9a}. */
public final class RunIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next(Instant startedAt) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return FORMAT.format(startedAt) + "-" + HexFormat.of().formatHex(suffix);
    }
}
