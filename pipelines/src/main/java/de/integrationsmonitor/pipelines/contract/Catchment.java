package de.integrationsmonitor.pipelines.contract;

/**
 * The distance and the distance weight of the accessibility mart ({@code gold.offer_access}) as the data contract fixes
 * them: the great-circle (haversine) distance between two centres with the mean earth radius, and the Gaussian weight
 * that falls from 1 at distance 0 to 0 at the catchment radius d0 ({@code access.catchment-km}). The mart and the
 * reports (the nearest towns with offers) measure with the same rule.
 */
public final class Catchment {
    /** The mean earth radius (IUGG), as the contract fixes it. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private static final double EDGE = Math.exp(-0.5);

    private Catchment() {}

    /** Great-circle (haversine) distance between two centres (WGS84 degrees) in km. */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dPhi / 2), 2) + Math.cos(phi1) * Math.cos(phi2) * Math.pow(Math.sin(dLambda / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** w(d) = (exp(−½ (d/d0)²) − exp(−½)) / (1 − exp(−½)) for d ≤ d0, else 0: 1 at distance 0, 0 at d0. */
    public static double weight(double distanceKm, double d0) {
        if (distanceKm > d0) {
            return 0.0;
        }
        double ratio = distanceKm / d0;
        return (Math.exp(-0.5 * ratio * ratio) - EDGE) / (1 - EDGE);
    }
}
