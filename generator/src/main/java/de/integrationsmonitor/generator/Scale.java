package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.UserException;
import java.util.Locale;

/**
 * How much data the generator writes: {@link #S} is the bundled sample (one Kreis, about 500
 * offers), {@link #M} all of North Rhine-Westphalia, {@link #L} a Germany-sized data set.
 *
 * @param name                  short name used in messages and the generated README
 * @param region                which geography the data covers
 * @param months                participation months; M and L have one offers snapshot per month, S has its own four
 * @param offersFirstSnapshot   offers in the earliest offers snapshot
 * @param offersLatestSnapshot  valid offers in the latest offers snapshot (fault rows come on top)
 * @param offersRemovedPerMille share of offers (per mille) that disappear between two snapshots
 * @param offersChangedPerMille share of offers (per mille) whose attributes change between two snapshots
 * @param reportingPercent      share of offers that report participation at all
 * @param eventsPerMonth        offer events in an average month (seasonally adjusted per month)
 * @param programEventsPerMonth events without offer id (e.g. KOMM-AN NRW) in an average month
 */
public record Scale(
        String name,
        Region region,
        int months,
        int offersFirstSnapshot,
        int offersLatestSnapshot,
        int offersRemovedPerMille,
        int offersChangedPerMille,
        int reportingPercent,
        int eventsPerMonth,
        int programEventsPerMonth) {

    /** The area a scale covers. */
    public enum Region {
        /** Kreis Recklinghausen and the model municipalities, hand-listed. */
        SAMPLE,
        /** North Rhine-Westphalia: 5 Regierungsbezirke, 53 Kreise and kreisfreie Städte, 396 Gemeinden (real names). */
        NRW,
        /** Germany-sized: NRW plus 15 Länder with generated Kreise and Gemeinden, about 11,000 Gemeinden. */
        GERMANY
    }

    /** The bundled sample: Kreis Recklinghausen plus the model municipalities, twelve months, four snapshots. */
    public static final Scale S = new Scale("sample", Region.SAMPLE, 12, 450, 500, 50, 30, 55, 440, 16);

    /** All of NRW: 50,000 offers in 60 monthly snapshots, about 5 million participation rows. */
    public static final Scale M = new Scale("M", Region.NRW, 60, 42_000, 50_000, 15, 10, 55, 89_300, 3_000);

    /** Germany-sized: about 230,000 offers in 60 monthly snapshots, about 100 million participation rows. */
    public static final Scale L = new Scale("L", Region.GERMANY, 60, 195_000, 230_000, 15, 10, 55, 1_846_000, 60_000);

    public Scale {
        requireNonNull(name, "name is null");
        requireNonNull(region, "region is null");
        checkPositive(months, "months");
        checkPositive(offersFirstSnapshot, "offersFirstSnapshot");
        checkPositive(offersLatestSnapshot, "offersLatestSnapshot");
        checkRange(offersRemovedPerMille, 1000, "offersRemovedPerMille");
        checkRange(offersChangedPerMille, 1000, "offersChangedPerMille");
        checkRange(reportingPercent, 100, "reportingPercent");
        checkPositive(eventsPerMonth, "eventsPerMonth");
        checkPositive(programEventsPerMonth, "programEventsPerMonth");
        if (region == Region.SAMPLE && months != 12) {
            throw new IllegalArgumentException("the sample region has twelve fixed months, not " + months);
        }
    }

    /** {@code S}, {@code M} or {@code L}, case-insensitive; any other text is a user error with a German message. */
    public static Scale named(String text) {
        String code = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (code) {
            case "S" -> S;
            case "M" -> M;
            case "L" -> L;
            default -> throw new UserException(ErrorCategory.USAGE, "Unbekannter Umfang „" + (text == null ? "" : text.strip())
                    + "“: erlaubt sind S (Beispieldaten), M (ganz NRW) und L (Deutschland).");
        };
    }

    private static void checkPositive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }

    private static void checkRange(int value, int max, String field) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be between 0 and " + max + ": " + value);
        }
    }
}
