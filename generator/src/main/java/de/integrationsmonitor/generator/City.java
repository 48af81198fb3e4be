package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Gemeinde with what offers and contacts need: telephone area code, postal codes, the names of
 * its districts (free text in the offers export; only some of them are Stadtteile in org_units)
 * and its Kreis.
 */
record City(OrgUnit unit, String areaCode, List<String> postalCodes, List<String> districts, KreisInfo kreis) {

    City {
        requireNonNull(unit, "unit is null");
        requireNonNull(areaCode, "areaCode is null");
        requireNonNull(kreis, "kreis is null");
        postalCodes = List.copyOf(postalCodes);
        districts = List.copyOf(districts);
    }

    String name() {
        return unit.name();
    }

    String id() {
        return unit.id();
    }

    long population() {
        return unit.population();
    }
}
