package de.integrationsmonitor.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes workshops/workshops.csv and workshops/statements.csv: the nine workshops of the
 * 2016/17 integration concept of Kreis Recklinghausen (324 participants) and six follow-up
 * workshops "Fortschreibung Integrationskonzept" in 2025/26, with Klimakonferenz statements.
 */
final class WorkshopGenerator {

    static final String WORKSHOPS_PATH = "workshops/workshops.csv";
    static final String STATEMENTS_PATH = "workshops/statements.csv";

    private static final String FAULTY_WEATHER_WORKSHOP = "WS-05";
    private static final String FOLLOW_UP_AFTER_UNKNOWN = "WS-10";

    /** One workshop; {@code topic} selects its statements in {@link Statements#BY_TOPIC}. */
    private record Workshop(String id, String title, String fieldOfAction, LocalDate date, String city, String venue,
            int participants, String topic, boolean followUp) {}

    private static final String FOLLOW_UP_TITLE = "Fortschreibung Integrationskonzept";

    private static final List<Workshop> WORKSHOPS = List.of(
            historic("WS-01", "Integration in Arbeit", "Integration in Ausbildung und Arbeit", 2016, 10, 13,
                    Geography.KREIS_RECKLINGHAUSEN, "Jobcenter Kreis Recklinghausen", 42, "arbeit"),
            historic("WS-02", "Bürgerschaftliches Engagement", "Bürgerschaftliches Engagement", 2016, 11, 17,
                    "Datteln", "Rathaus Datteln, Sitzungssaal", 38, "engagement"),
            historic("WS-03", "Bildung/Sprachförderung für die Altersgruppe von 0-14 Jahren", "Bildung / Sprachförderung", 2016, 11, 21,
                    "Dorsten", "Rathaus Dorsten", 36, "bildung-0-14"),
            historic("WS-04", "Wohnen", "Wohnen", 2017, 1, 10, "Haltern am See", "Rathaus Haltern am See", 27, "wohnen"),
            historic("WS-05", "Sport", "Sport, Kultur, Religion, Freizeit", 2017, 1, 23, "Dorsten", "Gemeinschaftshaus Wulfen", 24, "sport"),
            historic("WS-06", "Bildung/Sprachförderung für die Altersgruppe ab 15 Jahren", "Bildung / Sprachförderung", 2017, 1, 26,
                    "Marl", "Rathaus Marl", 39, "bildung-ab-15"),
            historic("WS-07", "Sicherheit und Rassismus", "Sicherheit und Rassismus", 2017, 1, 30,
                    "Oer-Erkenschwick", "Rathaus Oer-Erkenschwick", 29, "sicherheit"),
            historic("WS-08", "Familie, Frauen, Kinder und Jugendliche", "Familie, Frauen, Kinder und Jugendliche", 2017, 2, 3,
                    Geography.KREIS_RECKLINGHAUSEN, "Kreishaus Recklinghausen", 41, "familie"),
            historic("WS-09", "Abschlussworkshop", "Ressourcen, Vernetzung und Transfer", 2017, 2, 10,
                    Geography.KREIS_RECKLINGHAUSEN, "Kreishaus Recklinghausen", 48, "vernetzung"),
            followUp("WS-10", FOLLOW_UP_TITLE + " – Auftaktworkshop", "Ressourcen, Vernetzung und Transfer", 2025, 11, 20,
                    Geography.KREIS_RECKLINGHAUSEN, "Kreishaus Recklinghausen", 56, "vernetzung"),
            followUp("WS-11", FOLLOW_UP_TITLE + ": Bildung / Sprachförderung", "Bildung / Sprachförderung", 2026, 2, 5,
                    "Gladbeck", "Rathaus Gladbeck", 31, "bildung-0-14"),
            followUp("WS-12", FOLLOW_UP_TITLE + ": Wohnen", "Wohnen", 2026, 3, 18, "Herten", "Glashaus Herten", 22, "wohnen"),
            followUp("WS-13", FOLLOW_UP_TITLE + ": Integration in Arbeit", "Integration in Ausbildung und Arbeit", 2026, 5, 12,
                    "Castrop-Rauxel", "Rathaus Castrop-Rauxel", 27, "arbeit"),
            followUp("WS-14", FOLLOW_UP_TITLE + ": Sicherheit und Rassismus", "Sicherheit und Rassismus", 2026, 6, 24,
                    "Recklinghausen", "Rathaus Recklinghausen", 33, "sicherheit"),
            followUp("WS-15", FOLLOW_UP_TITLE + ": Familie, Frauen, Kinder und Jugendliche", "Familie, Frauen, Kinder und Jugendliche",
                    2026, 9, 23, "Waltrop", "Rathaus Waltrop", 25, "familie"));

    private WorkshopGenerator() {}

    static List<CsvFile> generate(long seed) {
        Rand rand = new Rand(seed, "workshops");
        return List.of(workshops(), statements(rand));
    }

    private static CsvFile workshops() {
        CsvFile file = new CsvFile(WORKSHOPS_PATH, "Workshop-ID", "Titel", "Handlungsfeld", "Datum", "Stadt", "Tagungsort", "Teilnehmende");
        boolean kreisNoted = false;
        for (Workshop workshop : WORKSHOPS) {
            Note note = null;
            if (!kreisNoted && workshop.city().equals(Geography.KREIS_RECKLINGHAUSEN)) {
                note = Note.edgeCase("Stadt", workshop.city(), "a Kreis as Stadt: the workshop counts for the Kreis itself");
                kreisNoted = true;
            }
            Dates.Style style = workshop.followUp() ? Dates.Style.ISO : Dates.Style.GERMAN;
            file.add(List.of(workshop.id(), workshop.title(), workshop.fieldOfAction(), Dates.format(workshop.date(), style),
                    workshop.city(), workshop.venue(), Integer.toString(workshop.participants())), note);
        }
        return file;
    }

    private static CsvFile statements(Rand rand) {
        CsvFile file = new CsvFile(STATEMENTS_PATH, "Workshop-ID", "Wetter", "Aussage");
        boolean quotedNoted = false;
        for (Workshop workshop : WORKSHOPS) {
            for (List<String> row : statementsOf(workshop, rand)) {
                Note note = null;
                if (!quotedNoted && !CsvFile.field(row.get(2)).equals(row.get(2))) {
                    note = Note.edgeCase("Aussage", row.get(2), "value with ; or \" is quoted");
                    quotedNoted = true;
                }
                file.add(row, note);
            }
            if (workshop.id().equals(FAULTY_WEATHER_WORKSHOP)) {
                file.add(List.of(workshop.id(), "Regen", "Hallenzeiten werden kurzfristig abgesagt"),
                        Note.fault("unknown_label", "Wetter", "Regen", "not a Klimakonferenz category"));
            }
            if (workshop.id().equals(FOLLOW_UP_AFTER_UNKNOWN)) {
                file.add(List.of("WS-99", "Sonne", "Viele neue Kontakte zwischen den Städten geknüpft"),
                        Note.fault("unknown_workshop", "Workshop-ID", "WS-99", "statement of a workshop that is not in workshops.csv"));
            }
        }
        return file;
    }

    /** Two or three statements per weather from the topic; follow-ups add one statement of 2025/26. */
    private static List<List<String>> statementsOf(Workshop workshop, Rand rand) {
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> byWeather = Statements.BY_TOPIC.get(workshop.topic());
        for (int weather = 0; weather < Statements.WEATHER.size(); weather++) {
            List<String> texts = rand.sample(byWeather.get(weather), workshop.followUp() ? rand.between(1, 2) : rand.between(2, 3));
            if (workshop.followUp()) {
                texts.add(rand.pick(Statements.FOLLOW_UP.get(weather)));
            }
            for (String text : texts) {
                rows.add(List.of(workshop.id(), Statements.WEATHER.get(weather), text));
            }
        }
        return rows;
    }

    private static Workshop historic(String id, String title, String field, int year, int month, int day, String city, String venue,
            int participants, String topic) {
        return new Workshop(id, title, field, LocalDate.of(year, month, day), city, venue, participants, topic, false);
    }

    private static Workshop followUp(String id, String title, String field, int year, int month, int day, String city, String venue,
            int participants, String topic) {
        return new Workshop(id, title, field, LocalDate.of(year, month, day), city, venue, participants, topic, true);
    }
}
