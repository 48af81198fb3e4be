package de.integrationsmonitor.generator;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * One offer of the offers database in one snapshot. Target-group lists hold labels exactly as
 * written (an empty list is an empty field). The formatting fields ({@code listStyle},
 * {@code dateStyle}, {@code citySpelling}) stay fixed for an offer, so an unchanged offer is
 * byte-identical in every snapshot. {@code sessionsPerMonth} (0 = never reports participation),
 * {@code weekday} and {@code typicalParticipants} drive the participation files.
 */
record Offer(
        String id,
        City city,
        String citySpelling,
        String district,
        String name,
        List<String> categories,
        List<String> languages,
        List<String> genders,
        List<String> migration,
        List<String> ageGroups,
        String provider,
        String venue,
        String address,
        String contact,
        String phone,
        String email,
        String homepage,
        Integer places,
        LocalDate begin,
        LocalDate end,
        ListStyle listStyle,
        Dates.Style dateStyle,
        int sessionsPerMonth,
        DayOfWeek weekday,
        int typicalParticipants) {

    /** How the database export joins multi-valued fields. */
    enum ListStyle {
        /** {@code deutsch | arabisch} */
        SPACED,
        /** {@code deutsch|arabisch} */
        COMPACT,
        /** {@code deutsch | } - the language field ends with an empty part */
        TRAILING_EMPTY
    }

    Offer {
        requireNonNull(id, "id is null");
        requireNonNull(city, "city is null");
        requireNonNull(name, "name is null");
        categories = List.copyOf(categories);
        languages = List.copyOf(languages);
        genders = List.copyOf(genders);
        migration = List.copyOf(migration);
        ageGroups = List.copyOf(ageGroups);
    }

    /** Active in {@code month} by the contract's rule (given that the offer is in that month's snapshot). */
    boolean activeIn(YearMonth month) {
        return (begin == null || !begin.isAfter(month.atEndOfMonth())) && (end == null || !end.isBefore(month.atDay(1)));
    }

    boolean reportsParticipation() {
        return sessionsPerMonth > 0;
    }

    boolean onlyFor(String gender) {
        return genders.size() == 1 && genders.get(0).equals(gender);
    }

    Offer withPlaces(Integer newPlaces) {
        return new Offer(id, city, citySpelling, district, name, categories, languages, genders, migration, ageGroups, provider,
                venue, address, contact, phone, email, homepage, newPlaces, begin, end, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }

    Offer withEnd(LocalDate newEnd) {
        return new Offer(id, city, citySpelling, district, name, categories, languages, genders, migration, ageGroups, provider,
                venue, address, contact, phone, email, homepage, places, begin, newEnd, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }

    Offer withLanguages(List<String> newLanguages) {
        return new Offer(id, city, citySpelling, district, name, categories, newLanguages, genders, migration, ageGroups, provider,
                venue, address, contact, phone, email, homepage, places, begin, end, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }

    Offer withVenue(String newVenue, String newAddress) {
        return new Offer(id, city, citySpelling, district, name, categories, languages, genders, migration, ageGroups, provider,
                newVenue, newAddress, contact, phone, email, homepage, places, begin, end, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }

    Offer withContact(String newContact, String newPhone, String newEmail) {
        return new Offer(id, city, citySpelling, district, name, categories, languages, genders, migration, ageGroups, provider,
                venue, address, newContact, newPhone, newEmail, homepage, places, begin, end, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }

    Offer withCitySpelling(String spelling) {
        return new Offer(id, city, spelling, district, name, categories, languages, genders, migration, ageGroups, provider,
                venue, address, contact, phone, email, homepage, places, begin, end, listStyle, dateStyle, sessionsPerMonth,
                weekday, typicalParticipants);
    }
}
