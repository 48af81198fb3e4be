package de.integrationsmonitor.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Renders every snapshot of the {@link OfferHistory} as offers/angebote_YYYY-MM-DD.csv and
 * writes the {@link OfferFaultPlan} into the latest one.
 */
final class OfferFileWriter {

    static final List<String> HEADER = List.of("Angebots-ID", "Stadt", "Stadtteil", "Name des Angebots", "Kategorie",
            "Sprache(n) des Angebots", "Zielgruppe - Geschlecht", "Zielgruppe - Migrationshintergrund", "Zielgruppe - Altersgruppe",
            "Anbieter", "Veranstaltungsort", "Adresse des Veranstaltungsorts", "Ansprechpartner", "Telefon", "E-Mail", "Homepage",
            "Plätze", "Beginn", "Ende");

    private static final int CITY = 1;
    private static final int DISTRICT = 2;
    private static final int NAME = 3;
    private static final int CATEGORY = 4;
    private static final int LANGUAGES = 5;
    private static final int MIGRATION = 7;
    private static final int PLACES = 16;
    private static final int BEGIN = 17;

    private static final String UNKNOWN_CITY = "Recklinhausen";
    private static final String UNKNOWN_LANGUAGE = "tamilisch";
    private static final String UNKNOWN_CATEGORY = "Religion";
    private static final String IMPOSSIBLE_DATE = "31.02.2026";

    private OfferFileWriter() {}

    static String path(OfferHistory history, int index) {
        return path(history.dates().get(index));
    }

    static String path(LocalDate snapshotDate) {
        return "offers/angebote_" + Dates.iso(snapshotDate) + ".csv";
    }

    static List<CsvFile> write(OfferHistory history, OfferFaultPlan plan, long seed) {
        Rand rand = new Rand(seed, "offer-files");
        List<CsvFile> files = new ArrayList<>();
        int latest = history.snapshots().size() - 1;
        for (int index = 0; index < history.snapshots().size(); index++) {
            CsvFile file = new CsvFile(path(history, index), HEADER);
            if (index == latest) {
                writeLatest(file, history.snapshot(index), plan, rand);
            } else {
                history.snapshot(index).forEach(offer -> file.add(row(offer), misspellingNote(offer)));
            }
            files.add(file);
        }
        return files;
    }

    /**
     * Writes one snapshot of the larger scales: with the faults of {@code plan} and notes on the
     * first edge cases where a plan is given, else plain rows without notes.
     */
    static void writeSnapshot(CsvSink sink, List<Offer> offers, OfferFaultPlan plan, Rand rand) {
        if (plan != null) {
            writeLatest(sink, offers, plan, rand);
            return;
        }
        for (Offer offer : offers) {
            sink.add(row(offer));
        }
    }

    private static void writeLatest(CsvSink file, List<Offer> offers, OfferFaultPlan plan, Rand rand) {
        int originalIndex = indexOf(offers, plan.duplicateId());
        int duplicateAfter = rand.between(originalIndex + 1, offers.size());
        EdgeCaseNotes edgeCases = new EdgeCaseNotes();
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            OfferFaultPlan.Kind fault = plan.faultsById().get(offer.id());
            List<String> row = new ArrayList<>(row(offer));
            file.add(row, fault != null ? applyFault(row, fault) : edgeCases.noteFor(offer, row));
            if (i + 1 == duplicateAfter) {
                addDuplicate(file, offers.get(originalIndex));
            }
        }
    }

    private static void addDuplicate(CsvSink file, Offer original) {
        List<String> row = new ArrayList<>(row(original));
        String places = original.places() == null ? "15" : Integer.toString(original.places() + 5);
        row.set(PLACES, places);
        file.add(row, Note.fault("duplicate_key", "Angebots-ID", original.id(),
                "offer id given twice in one snapshot (Plätze differs); the first row is kept"));
    }

    private static Note applyFault(List<String> row, OfferFaultPlan.Kind fault) {
        return switch (fault) {
            case UNKNOWN_CITY -> {
                row.set(CITY, UNKNOWN_CITY);
                row.set(DISTRICT, "");
                yield Note.fault("unknown_city", "Stadt", UNKNOWN_CITY, "typo of Recklinghausen that is not a configured alias");
            }
            case UNKNOWN_LANGUAGE -> {
                row.set(LANGUAGES, "deutsch | " + UNKNOWN_LANGUAGE);
                yield Note.fault("unknown_label", "Sprache(n) des Angebots", UNKNOWN_LANGUAGE, "language label not in the vocabulary");
            }
            case UNKNOWN_CATEGORY -> {
                row.set(CATEGORY, row.get(CATEGORY) + " | " + UNKNOWN_CATEGORY);
                yield Note.fault("unknown_label", "Kategorie", UNKNOWN_CATEGORY, "category label not in the vocabulary");
            }
            case BAD_DATE -> {
                row.set(BEGIN, IMPOSSIBLE_DATE);
                yield Note.fault("bad_date", "Beginn", IMPOSSIBLE_DATE, "impossible date");
            }
            case MISSING_NAME -> {
                row.set(NAME, "");
                yield Note.fault("missing_value", "Name des Angebots", "", "required field empty");
            }
        };
    }

    private static Note misspellingNote(Offer offer) {
        return offer.citySpelling().equals(offer.city().name()) ? null
                : Note.edgeCase("Stadt", offer.citySpelling(), "misspelling with a configured alias: resolves to " + offer.city().name());
    }

    static List<String> row(Offer offer) {
        return List.of(offer.id(), offer.citySpelling(), offer.district(), offer.name(),
                join(offer.categories(), offer.listStyle(), false),
                join(offer.languages(), offer.listStyle(), true),
                join(offer.genders(), offer.listStyle(), false),
                join(offer.migration(), offer.listStyle(), false),
                join(offer.ageGroups(), offer.listStyle(), false),
                offer.provider(), offer.venue(), offer.address(), offer.contact(), offer.phone(), offer.email(), offer.homepage(),
                offer.places() == null ? "" : Integer.toString(offer.places()),
                Dates.format(offer.begin(), offer.dateStyle()), Dates.format(offer.end(), offer.dateStyle()));
    }

    private static String join(List<String> values, Offer.ListStyle style, boolean languageField) {
        if (style == Offer.ListStyle.COMPACT) {
            return String.join("|", values);
        }
        String joined = String.join(" | ", values);
        return style == Offer.ListStyle.TRAILING_EMPTY && languageField && !values.isEmpty() ? joined + " | " : joined;
    }

    private static int indexOf(List<Offer> offers, String id) {
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("offer " + id + " is not in the snapshot");
    }

    /** Notes the first row of each kind of unusual but valid formatting in the latest snapshot. */
    private static final class EdgeCaseNotes {

        private final Set<String> seen = new HashSet<>();

        Note noteFor(Offer offer, List<String> row) {
            Note misspelling = misspellingNote(offer);
            if (misspelling != null) {
                return misspelling;
            }
            return first("compact", offer, o -> o.listStyle() == Offer.ListStyle.COMPACT && o.languages().size() > 1,
                    Note.edgeCase("Sprache(n) des Angebots", row.get(LANGUAGES), "multi-valued field without spaces around the bar"))
                    .or(() -> first("trailing", offer, o -> o.listStyle() == Offer.ListStyle.TRAILING_EMPTY && !o.languages().isEmpty(),
                            Note.edgeCase("Sprache(n) des Angebots", row.get(LANGUAGES), "empty part after the last bar is ignored")))
                    .or(() -> first("no-language", offer, o -> o.languages().isEmpty(),
                            Note.edgeCase("Sprache(n) des Angebots", "", "empty language field counts as deutsch")))
                    .or(() -> first("not-set", offer, o -> o.languages().contains(Vocabulary.LANGUAGE_NOT_SET),
                            Note.edgeCase("Sprache(n) des Angebots", Vocabulary.LANGUAGE_NOT_SET, "counts as deutsch")))
                    .or(() -> first("capital", offer, o -> o.languages().stream().anyMatch(l -> Character.isUpperCase(l.charAt(0))
                                    && !l.equals(Vocabulary.LANGUAGE_NOT_SET)),
                            Note.edgeCase("Sprache(n) des Angebots", row.get(LANGUAGES), "capitalised label; matching ignores case")))
                    .or(() -> first("open-beside", offer, o -> o.migration().size() > 1 && o.migration().contains(Vocabulary.MIGRATION_OPEN),
                            Note.edgeCase("Zielgruppe - Migrationshintergrund", row.get(MIGRATION),
                                    "\"für alle offen\" beside other labels means open to all")))
                    .or(() -> first("german-date", offer, o -> o.dateStyle() == Dates.Style.GERMAN && o.begin() != null,
                            Note.edgeCase("Beginn", row.get(BEGIN), "date as DD.MM.YYYY")))
                    .orElse(null);
        }

        private Optional<Note> first(String kind, Offer offer, Predicate<Offer> matches, Note note) {
            if (seen.contains(kind) || !matches.test(offer)) {
                return Optional.empty();
            }
            seen.add(kind);
            return Optional.of(note);
        }
    }
}
