package de.integrationsmonitor.reports.land;

import static java.util.Objects.requireNonNull;

import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import de.integrationsmonitor.reports.common.render.JasperTemplates;
import de.integrationsmonitor.reports.common.render.PdfExport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * Renders the Landesübersicht for the ministry and the Regierungsbezirke: every Kreis and kreisfreie Stadt of the run
 * with its key figures and their change, its gaps, its offer density beside areas of similar size, its delivery for
 * the month, and the model projects per municipality. An area that delivered nothing of a kind reads "keine Lieferung",
 * never 0.
 */
public final class LandOverview {
    static final String TEMPLATE = "landesuebersicht.jrxml";
    /** What an area without any delivery of a kind shows. */
    static final String NOT_DELIVERED = "keine Lieferung";

    private LandOverview() {}

    /** "landesuebersicht_2026-10.pdf". */
    static String fileName(LandOverviewData data) {
        return "landesuebersicht_" + data.month() + ".pdf";
    }

    public static Path renderPdf(LandOverviewData data, DisclosurePlan plan, Path outputDir) {
        requireNonNull(data, "data is null");
        requireNonNull(plan, "plan is null");
        JasperPrint print = JasperTemplates.fill(TEMPLATE, parameters(data, plan));
        String title = "Landesübersicht " + GermanFormat.monthYear(data.month());
        return PdfExport.write(print, outputDir.resolve(fileName(data)),
                new PdfExport.Metadata(title, title + ": Kommunale Integrationszentren im Vergleich"));
    }

    static Map<String, Object> parameters(LandOverviewData data, DisclosurePlan plan) {
        long delivered = data.areas().stream().filter(LandOverviewData.AreaLine::delivered).count();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("TITLE", "Landesübersicht " + GermanFormat.monthYear(data.month()));
        parameters.put("SUBTITLE", "Kommunale Integrationszentren im Vergleich · " + data.areas().size()
                + (data.areas().size() == 1 ? " Kreis bzw. kreisfreie Stadt" : " Kreise und kreisfreie Städte") + ", davon "
                + delivered + " mit Daten für " + GermanFormat.monthYear(data.month()));
        parameters.put("DATA_AS_OF", "Quelle: " + GermanFormat.versions(data.tableVersions()));
        parameters.put("FOOTER_TEXT", "Landesübersicht · Stand " + GermanFormat.numericMonth(data.month()) + " · erstellt am "
                + GermanFormat.dateTime(data.generatedAt()) + " · Lauf " + data.runId());
        parameters.put("LEGEND", plan.rule().legend());
        parameters.put("AREAS", areaLines(data, plan));
        parameters.put("AREAS_NOTE", "„" + NOT_DELIVERED + "“: für den Monat nichts dieser Art geliefert (keine aktiven Angebote, "
                + "keine Veranstaltung bzw. kein Workshop); das ist keine Null. Hat ein Gebiet gar nichts geliefert, steht es nur in der "
                + "Spalte „Lieferung“, die übrigen Spalten zeigen „–“.");
        parameters.put("GAPS", gapLines(data));
        parameters.put("GAPS_NOTE", "Lücken und fehlende Angebote je Gemeinde wie in den Versorgungslücken-Berichten der Kreise, "
                + "hier summiert. Vergleichsgebiete: die " + LandOverviewQueries.PEERS + " Gebiete mit Angeboten, deren Einwohnerzahl "
                + "der eigenen am nächsten liegt.");
        parameters.put("DELIVERY", deliveryLines(data));
        parameters.put("DELIVERY_NOTE", "Was für " + GermanFormat.monthYear(data.month()) + " je Gebiet vorliegt.");
        parameters.put("PROJECTS", projectLines(data));
        parameters.put("PROJECTS_NOTE", data.projects().isEmpty() ? "Keine Modellprojekte in den Gebieten dieses Laufs."
                : "Je Projekt die Zahl seiner Indikatoren nach jüngstem gemeldetem Status; Einzelheiten in der Modellprojekt-Evaluation.");
        parameters.put("METHOD", "Angebote je 10.000 Einwohner: aktive Angebote im Monat geteilt durch die Einwohnerzahl aus "
                + "reference/org_units.csv. Veränderung zum Vormonat: Differenz und Prozent; „keine Daten“, wo einer der Monate "
                + "keine Lieferung hat. Teilnehmende sind Personen: kleine Zahlen sind geschützt, und ihre Veränderung wird dann "
                + "ebenfalls nicht ausgewiesen.");
        return parameters;
    }

    static List<Map<String, ?>> areaLines(LandOverviewData data, DisclosurePlan plan) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (LandOverviewData.AreaLine area : data.areas()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", area.name());
            line.put("rb", area.regierungsbezirk());
            line.put("population", area.population() == null ? GermanFormat.NO_DATA : GermanFormat.count(area.population()));
            if (!area.delivered()) {
                // nothing at all for the month: one "keine Lieferung" in the last column says it, dashes elsewhere
                for (String column : List.of("offers", "offersChange", "per10k", "events", "participants", "participantsChange", "workshops")) {
                    line.put(column, "–");
                }
                line.put("delivery", NOT_DELIVERED);
                lines.add(line);
                continue;
            }
            line.put("offers", delivered(area.offersActive()));
            line.put("offersChange", area.offersActive() == null ? NOT_DELIVERED : GermanFormat.change(area.offersActive(), area.offersPrevious()));
            line.put("per10k", area.offersPer10k() == null ? "–" : GermanFormat.decimal(area.offersPer10k(), 2));
            line.put("events", delivered(area.events()));
            line.put("participants", area.participants() == null ? NOT_DELIVERED : plan.shown(LandCells.participants(data, area)));
            line.put("participantsChange", area.participants() == null ? NOT_DELIVERED
                    : plan.hidden(LandCells.participants(data, area))
                            || area.participantsPrevious() != null && plan.hidden(LandCells.participantsPrevious(data, area)) ? SmallCounts.MARK
                            : GermanFormat.change(area.participants(), area.participantsPrevious()));
            line.put("workshops", area.workshops() == null ? "0" : GermanFormat.count(area.workshops()));
            line.put("delivery", area.delivered() ? "vorhanden" : NOT_DELIVERED);
            lines.add(line);
        }
        return lines;
    }

    static List<Map<String, ?>> gapLines(LandOverviewData data) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (LandOverviewData.AreaLine area : data.areas()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", area.name());
            line.put("gaps", area.gaps() == null ? GermanFormat.NO_DATA : GermanFormat.count(area.gaps()));
            line.put("shortfall", area.shortfall() == null ? GermanFormat.NO_DATA : GermanFormat.decimal(area.shortfall(), 1));
            line.put("languages", area.topLanguages().isEmpty() ? "–" : String.join(", ", area.topLanguages()));
            line.put("per10k", area.offersPer10k() == null ? NOT_DELIVERED : GermanFormat.decimal(area.offersPer10k(), 2));
            line.put("peerMedian", area.peerMedianPer10k() == null ? "–" : GermanFormat.decimal(area.peerMedianPer10k(), 2));
            line.put("peers", area.peers().isEmpty() ? "–" : String.join(", ", area.peers()));
            lines.add(line);
        }
        return lines;
    }

    static List<Map<String, ?>> deliveryLines(LandOverviewData data) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (LandOverviewData.AreaLine area : data.areas()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", area.name());
            line.put("offers", area.offersActive() == null ? NOT_DELIVERED : GermanFormat.count(area.offersActive())
                    + (area.offersActive() == 1 ? " aktives Angebot" : " aktive Angebote"));
            line.put("participation", area.events() == null ? NOT_DELIVERED
                    : GermanFormat.count(area.events()) + (area.events() == 1 ? " Veranstaltung" : " Veranstaltungen"));
            line.put("workshops", area.workshops() == null ? "keine" : GermanFormat.count(area.workshops())
                    + (area.workshops() == 1 ? " Workshop" : " Workshops"));
            line.put("note", !area.delivered() ? "keine Berichte für dieses Gebiet"
                    : area.events() == null ? "keine Teilnahmezahlen" : area.offersActive() == null ? "kein Angebotsstand" : "");
            lines.add(line);
        }
        return lines;
    }

    static List<Map<String, ?>> projectLines(LandOverviewData data) {
        List<Map<String, ?>> lines = new ArrayList<>();
        for (LandOverviewData.ProjectLine project : data.projects()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("area", project.area());
            line.put("municipality", project.municipality());
            line.put("project", project.projectId());
            line.put("title", project.title());
            line.put("status", statusText(project.statusCounts()));
            lines.add(line);
        }
        return lines;
    }

    /** "1 erreicht, 2 auf Kurs"; "keine Indikatoren gemeldet" without any. */
    static String statusText(Map<String, Long> counts) {
        return counts.isEmpty() ? "keine Indikatoren gemeldet"
                : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static String delivered(Long value) {
        return value == null ? NOT_DELIVERED : GermanFormat.count(value);
    }
}
