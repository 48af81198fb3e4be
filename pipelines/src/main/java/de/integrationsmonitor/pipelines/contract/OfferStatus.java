package de.integrationsmonitor.pipelines.contract;

/**
 * How an event relates to the offers state of its month ({@code offer_status} of gold.fct_events_by_category):
 * its offer is active in the month, its offer is not in the month's offers state, or it has no offer at all.
 */
public enum OfferStatus {
    ACTIVE("active"),
    NOT_ACTIVE("not_active"),
    /** An event without an offer, e.g. a programme's own event recorded for a Gemeinde or the Kreis. */
    NO_OFFER("no_offer");

    private final String code;

    OfferStatus(String code) {
        this.code = code;
    }

    /** The value stored in the table. */
    public String code() {
        return code;
    }
}
