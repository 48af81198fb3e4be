package de.integrationsmonitor.pipelines.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The milestones of model-projects/case_events.csv ({@code Ereignis}, matched ignoring case and surrounding space; the
 * code is the lower-case label). {@link #ZUZUG} starts the clock; {@code gold.time_to_event} measures the time from it
 * to each milestone {@link #measured()}.
 */
public enum Milestone {
    ZUZUG("Zuzug"),
    ERSTBERATUNG("Erstberatung"),
    KURSANMELDUNG("Kursanmeldung"),
    KURSBEGINN("Kursbeginn"),
    ARBEITSAUFNAHME("Arbeitsaufnahme");

    private final String label;

    Milestone(String label) {
        this.label = label;
    }

    /** The label as delivered, e.g. {@code Kursbeginn}. */
    public String label() {
        return label;
    }

    /** The code in silver and gold, e.g. {@code kursbeginn}. */
    public String code() {
        return label.toLowerCase(java.util.Locale.ROOT);
    }

    /** Every code, in contract order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Milestone::code).toList();
    }

    /** The milestones gold.time_to_event has rows for, in the contract's order: kursbeginn, erstberatung, arbeitsaufnahme. */
    public static List<Milestone> measured() {
        return List.of(KURSBEGINN, ERSTBERATUNG, ARBEITSAUFNAHME);
    }

    /** The milestone of a code; {@code kursbeginn} → KURSBEGINN. */
    public static Milestone ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown milestone code: " + code));
    }
}
