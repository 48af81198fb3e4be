package de.integrationsmonitor.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes model-projects/projects.csv, indicators.csv and values.csv: one project of
 * "Einwanderung gestalten NRW" per model municipality, six indicators (monthly, quarterly and
 * yearly) and values per project and period, with gaps, one target override per row, one
 * duplicate key and one unknown indicator. The optional case events of the same projects are
 * written by {@link CaseEventGenerator}.
 */
final class ModelProjectGenerator {

    static final String PROJECTS_PATH = "model-projects/projects.csv";
    static final String INDICATORS_PATH = "model-projects/indicators.csv";
    static final String VALUES_PATH = "model-projects/values.csv";

    static final String PROGRAM = "Einwanderung gestalten NRW";

    /** Last reported month: values exist up to here (and the quarter and complete years before it). */
    private static final YearMonth LAST_REPORTED_MONTH = YearMonth.of(2026, 9);

    private enum PeriodType {
        MONTH("Monat"), QUARTER("Quartal"), YEAR("Jahr");

        final String label;

        PeriodType(String label) {
            this.label = label;
        }
    }

    /** An indicator; {@code target} and {@code baseline} are null where none is agreed. */
    private record Indicator(String id, String name, String unit, boolean higherIsBetter, Double target, Double baseline,
            PeriodType periodType, String description, String targetText, String baselineText) {}

    /** A project; {@code pointDecimals} marks municipalities that deliver 0.62 instead of 0,62. */
    record Project(String id, String municipality, String title, String targetGroup, LocalDate begin, LocalDate end,
            Dates.Style dateStyle, boolean pointDecimals, List<String> indicatorIds) {}

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("IND-01", "Anteil Neuzugewanderter mit Integrationskursbeginn binnen 8 Wochen", "Anteil", true, 0.8, 0.45,
                    PeriodType.MONTH, "Grundsatzziel: Jede berechtigte zugewanderte Person beginnt innerhalb von 8 Wochen einen "
                    + "bedarfsgerechten Integrationskurs.", "0,8", "0,45"),
            new Indicator("IND-02", "Durchschnittliche Wartezeit bis Erstberatung", "Tage", false, 14.0, 42.0, PeriodType.MONTH,
                    "Kalendertage zwischen Erstkontakt und erstem Beratungsgespräch; Mittelwert der im Monat begonnenen Fälle", "14", "42"),
            new Indicator("IND-03", "Anzahl Fallbesprechungen im Case Management", "Anzahl", true, 30.0, 8.0, PeriodType.QUARTER,
                    "Rechtskreisübergreifende Fallkonferenzen mit mindestens zwei beteiligten Behörden", "30", "8"),
            new Indicator("IND-04", "Anteil Fälle mit abgestimmtem Hilfeplan", "Anteil", true, 0.9, 0.5, PeriodType.QUARTER,
                    "Anteil der Case-Management-Fälle mit einem von allen beteiligten Stellen abgestimmten Hilfeplan", "0.9", "0,5"),
            new Indicator("IND-05", "Anzahl beteiligter Behörden und Träger im Produktionsnetzwerk", "Anzahl", true, 12.0, 6.0,
                    PeriodType.YEAR, "Stellen, die verbindlich in der Lenkungsgruppe oder den Arbeitsgruppen mitarbeiten", "12", "6"),
            new Indicator("IND-06", "Anzahl Erstgespräche in der Servicestelle Zuwanderung", "Anzahl", true, null, null, PeriodType.MONTH,
                    "Zur Beobachtung erfasst; kein Zielwert vereinbart", "", ""));

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);

    private static final List<Project> PROJECTS = List.of(
            project("EGN-01", "Bielefeld", "Transparente Dienstleistungskette Sprache und Arbeit",
                    "Neuzugewanderte (EU-Bürgerinnen und -Bürger sowie Drittstaatsangehörige)", START, END, false, "IND-01", "IND-02", "IND-06"),
            project("EGN-02", "Dormagen", "Rechtskreisübergreifendes Case-Management",
                    "Seit 2015 zugewiesene Geflüchtete", LocalDate.of(2024, 3, 1), END, false, "IND-02", "IND-03", "IND-04"),
            project("EGN-03", "Dortmund", "Teilhabechancen für Geflüchtete – One-Stop-Shop",
                    "Geflüchtete und Neuzugewanderte aus Südosteuropa", START, END, false, "IND-02", "IND-03", "IND-05"),
            project("EGN-04", "Hamm", "Weiterentwicklung des kommunalen Integrationskonzepts",
                    "Fachkräfte im Integrationsmanagement; alle nach Hamm Zugewanderten", START, END, false, "IND-03", "IND-05"),
            project("EGN-05", "Köln", "Übergang in Ausbildung und Arbeit",
                    "Alleinreisende junge Geflüchtete (18 - 25 Jahre)", LocalDate.of(2024, 2, 1), END, true, "IND-01", "IND-03", "IND-04"),
            project("EGN-06", "Kreis Lippe", "Kreisweit einheitliches Einwanderungsmanagement",
                    "Geflüchtete, unbegleitete Minderjährige, Drittstaatsangehörige und EU-Bürger", START, END, false,
                    "IND-02", "IND-03", "IND-05"),
            project("EGN-07", "Moers", "Servicestelle Zuwanderung und Case-Management",
                    "Volljährige Menschen im Asylverfahren mit hoher Bleibeperspektive", LocalDate.of(2024, 4, 1), END, false,
                    "IND-02", "IND-04", "IND-06"),
            project("EGN-08", "Münster", "Teilhabe langjährig geduldeter Familien",
                    "Langjährig geduldete Familien in kommunalen Unterkünften", START, END, true, "IND-03", "IND-04"),
            project("EGN-09", "Rheinisch-Bergischer Kreis", "Interkommunal abgestimmtes Einwanderungsmanagement",
                    "Zugewanderte im Kreisgebiet", START, LocalDate.of(2026, 6, 30), false, "IND-01", "IND-02", "IND-05"),
            project("EGN-10", "Rheine", "Spracherwerb und Zugang zu Ausbildung und Arbeit",
                    "Geflüchtete seit 2015 mit Leistungen nach AsylbLG, SGB II, SGB III oder SGB XII", START, END, false, "IND-01", "IND-05"),
            project("EGN-11", "Wuppertal", "Integrationsketten für geflüchtete Familien im Quartier",
                    "Geflüchtete Familien", START, END, false, "IND-02", "IND-03"),
            project("EGN-12", "Mülheim an der Ruhr", "Produktionsnetzwerk Einwanderung",
                    "Zugewanderte unabhängig vom Aufenthaltsstatus", START, END, false, "IND-01", "IND-03", "IND-05"));

    /** Where the deliberate faults and edge cases go. */
    private static final String OVERRIDE_PROJECT = "EGN-07";
    private static final String OVERRIDE_INDICATOR = "IND-02";
    private static final String OVERRIDE_PERIOD = "2026-01";
    private static final String DUPLICATE_PROJECT = "EGN-05";
    private static final String DUPLICATE_INDICATOR = "IND-01";
    private static final String DUPLICATE_PERIOD = "2025-06";
    private static final String UNKNOWN_INDICATOR_PROJECT = "EGN-10";
    private static final String UNKNOWN_INDICATOR = "IND-07";

    private static final List<String> REMARKS = List.of("vorläufiger Wert", "Nachmeldung", "Erhebung umgestellt; Wert geschätzt",
            "Personalwechsel in der Koordination");

    private ModelProjectGenerator() {}

    /** The projects of projects.csv, in file order (case events are generated for them). */
    static List<Project> modelProjects() {
        return PROJECTS;
    }

    static List<CsvFile> generate(Geography geography, long seed) {
        for (Project project : PROJECTS) {
            if (!geography.modelMunicipalities().contains(project.municipality())) {
                throw new IllegalStateException(project.municipality() + " is not a model municipality of the geography");
            }
        }
        Rand rand = new Rand(seed, "model-projects");
        return List.of(projects(), indicators(), values(rand));
    }

    private static CsvFile projects() {
        CsvFile file = new CsvFile(PROJECTS_PATH, "Projekt-ID", "Programm", "Org-Einheit", "Titel", "Zielgruppe", "Beginn", "Ende");
        for (Project project : PROJECTS) {
            Note note = project.end().isBefore(END) ? Note.edgeCase("Ende", Dates.format(project.end(), project.dateStyle()),
                    "project ends before the report month: its periods stop at the end date") : null;
            file.add(List.of(project.id(), PROGRAM, project.municipality(), project.title(), project.targetGroup(),
                    Dates.format(project.begin(), project.dateStyle()), Dates.format(project.end(), project.dateStyle())), note);
        }
        return file;
    }

    private static CsvFile indicators() {
        CsvFile file = new CsvFile(INDICATORS_PATH, "Indikator-ID", "Name", "Einheit", "Richtung", "Zielwert", "Basiswert", "Periodentyp",
                "Beschreibung");
        for (Indicator indicator : INDICATORS) {
            Note note = indicator.target() == null ? Note.edgeCase("Zielwert", "", "indicator without target and baseline: status ohne Ziel")
                    : indicator.targetText().contains(",") ? Note.edgeCase("Zielwert", indicator.targetText(), "decimal comma") : null;
            file.add(List.of(indicator.id(), indicator.name(), indicator.unit(),
                    indicator.higherIsBetter() ? "höher ist besser" : "niedriger ist besser",
                    indicator.targetText(), indicator.baselineText(), indicator.periodType().label, indicator.description()), note);
        }
        return file;
    }

    private static CsvFile values(Rand rand) {
        CsvFile file = new CsvFile(VALUES_PATH, "Projekt-ID", "Indikator-ID", "Periode", "Wert", "Zielwert", "Anmerkung");
        for (Project project : PROJECTS) {
            for (String indicatorId : project.indicatorIds()) {
                addSeries(file, project, indicator(indicatorId), rand);
            }
            if (project.id().equals(UNKNOWN_INDICATOR_PROJECT)) {
                file.add(List.of(project.id(), UNKNOWN_INDICATOR, "2026-Q1", "17", "", ""),
                        Note.fault("unknown_indicator", "Indikator-ID", UNKNOWN_INDICATOR, "indicator not in indicators.csv"));
            }
        }
        return file;
    }

    /** One value per period, moving from the baseline towards the target at a project-specific pace. */
    private static void addSeries(CsvFile file, Project project, Indicator indicator, Rand rand) {
        List<String> periods = periods(indicator.periodType(), project.begin(), project.end());
        double pace = rand.uniform(0.25, 1.3);
        double level = rand.uniform(20, 60);
        String duplicateValue = null;
        for (int i = 0; i < periods.size(); i++) {
            String period = periods.get(i);
            boolean forced = isOverride(project, indicator, period) || isDuplicate(project, indicator, period);
            if (!forced && indicator.periodType() != PeriodType.YEAR && rand.chance(0.06)) {
                continue;
            }
            double progress = (double) (i + 1) / periods.size();
            double value = indicator.target() == null
                    ? level * (1 + 0.5 * progress) * rand.uniform(0.8, 1.2)
                    : indicator.baseline() + (indicator.target() - indicator.baseline()) * Math.min(1.25, pace * progress)
                            + (indicator.target() - indicator.baseline()) * rand.uniform(-0.08, 0.08);
            String text = format(indicator, value, project.pointDecimals());
            if (isOverride(project, indicator, period)) {
                file.add(List.of(project.id(), indicator.id(), period, text, "21", "Zielwert mit dem Lenkungskreis angepasst"),
                        Note.edgeCase("Zielwert", "21", "per-row target overrides the indicator's Zielwert for this period"));
                continue;
            }
            if (isDuplicate(project, indicator, period)) {
                duplicateValue = format(indicator, value + 0.05, project.pointDecimals());
            }
            file.add(List.of(project.id(), indicator.id(), period, text, "", rand.chance(0.05) ? rand.pick(REMARKS) : ""));
        }
        if (duplicateValue != null) {
            file.add(List.of(project.id(), indicator.id(), DUPLICATE_PERIOD, duplicateValue, "", "korrigierter Wert"),
                    Note.fault("duplicate_key", "Periode", DUPLICATE_PERIOD,
                            "second row for (" + project.id() + ", " + indicator.id() + ", " + DUPLICATE_PERIOD + "); the first row is kept"));
        }
    }

    /** Periods of the type from the project's start up to its end or the last reported month, whichever is earlier. */
    private static List<String> periods(PeriodType type, LocalDate begin, LocalDate end) {
        YearMonth first = YearMonth.from(begin);
        YearMonth last = YearMonth.from(end).isBefore(LAST_REPORTED_MONTH) ? YearMonth.from(end) : LAST_REPORTED_MONTH;
        List<String> periods = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            String period = switch (type) {
                case MONTH -> month.toString();
                case QUARTER -> month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
                case YEAR -> month.getMonthValue() == 12 ? Integer.toString(month.getYear()) : null;
            };
            if (period != null && !periods.contains(period)) {
                periods.add(period);
            }
        }
        return periods;
    }

    private static String format(Indicator indicator, double value, boolean pointDecimals) {
        String text = switch (indicator.unit()) {
            case "Anteil" -> decimal(Math.max(0, Math.min(1, value)), 2);
            case "Tage" -> decimal(Math.max(1, value), 1);
            default -> Long.toString(Math.max(0, Math.round(value)));
        };
        return pointDecimals ? text : text.replace('.', ',');
    }

    private static String decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean isOverride(Project project, Indicator indicator, String period) {
        return project.id().equals(OVERRIDE_PROJECT) && indicator.id().equals(OVERRIDE_INDICATOR) && period.equals(OVERRIDE_PERIOD);
    }

    private static boolean isDuplicate(Project project, Indicator indicator, String period) {
        return project.id().equals(DUPLICATE_PROJECT) && indicator.id().equals(DUPLICATE_INDICATOR) && period.equals(DUPLICATE_PERIOD);
    }

    private static Indicator indicator(String id) {
        return INDICATORS.stream().filter(indicator -> indicator.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown indicator " + id));
    }

    private static Project project(String id, String municipality, String title, String targetGroup, LocalDate begin, LocalDate end,
            boolean pointDecimals, String... indicatorIds) {
        Dates.Style style = Integer.parseInt(id.substring(4)) % 3 == 0 ? Dates.Style.GERMAN : Dates.Style.ISO;
        return new Project(id, municipality, title, targetGroup, begin, end, style, pointDecimals, List.of(indicatorIds));
    }
}
