package de.integrationsmonitor.reports.evaluation;

import de.integrationsmonitor.pipelines.contract.AttainmentStatus;
import de.integrationsmonitor.pipelines.contract.Milestone;
import de.integrationsmonitor.pipelines.gold.marts.TimeToEvent;
import de.integrationsmonitor.reports.common.charts.SizedChartRenderer;
import de.integrationsmonitor.reports.common.disclosure.DisclosurePlan;
import de.integrationsmonitor.reports.common.disclosure.SmallCounts;
import de.integrationsmonitor.reports.common.render.GermanFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The waiting times of a project computed from its case milestones (gold.time_to_event): the Kaplan–Meier share of
 * cases with a Kursbeginn within the limit beside the naive completed-waits share and why they differ, the step chart
 * with its 95 % band, the cohorts by quarter of Zuzug, and the computed indicator's target status beside the delivered
 * one.
 * <p>
 * Counts of cases are protected like every count of persons: a {@link DisclosurePlan} over the programme's cells
 * (cases per cohort, and per milestone those who reached it and those still waiting), with the lines a reader can add
 * up (a cohort's cases = reached + waiting; gesamt = Σ cohorts). A share, its interval and median are shown only where
 * none of the row's counts is hidden; the chart only where the project's total is shown.
 */
final class WaitingSection {
    static final String CASES = "Fälle";
    static final String REACHED = "erreicht";
    static final String WAITING = "noch wartend";
    static final String WITHOUT_START = "Fälle ohne Zuzug";
    static final String OUTSIDE = "Fälle außerhalb der Beobachtung";
    /** The chart's horizon in multiples of the limit. */
    static final int HORIZON_LIMITS = 4;
    /** The milestone the page is about: the model programme's goal. */
    static final String MILESTONE = Milestone.KURSBEGINN.code();

    private final EvaluationData data;
    private final DisclosurePlan plan;

    WaitingSection(EvaluationData data) {
        this.data = data;
        this.plan = DisclosurePlan.of(new SmallCounts(data.waiting().minCount()), this::register);
    }

    /** The cells and lines of every project's waits and case counts. */
    private void register(DisclosurePlan.Builder builder) {
        Map<String, List<EvaluationData.Wait>> byProjectMilestone = new LinkedHashMap<>();
        data.waiting().waits().forEach(w -> byProjectMilestone.computeIfAbsent(w.projectId() + "|" + w.milestone(), k -> new ArrayList<>()).add(w));
        byProjectMilestone.values().forEach(rows -> {
            for (EvaluationData.Wait w : rows) {
                builder.count(cell(CASES, w.projectId(), "", w.cohort()), w.cases());
                builder.count(cell(REACHED, w.projectId(), w.milestone(), w.cohort()), w.events());
                builder.count(cell(WAITING, w.projectId(), w.milestone(), w.cohort()), w.censored());
                builder.sum(cell(CASES, w.projectId(), "", w.cohort()),
                        List.of(cell(REACHED, w.projectId(), w.milestone(), w.cohort()), cell(WAITING, w.projectId(), w.milestone(), w.cohort())));
            }
            List<EvaluationData.Wait> cohorts = rows.stream().filter(w -> !w.cohort().equals(TimeToEvent.TOTAL)).toList();
            rows.stream().filter(w -> w.cohort().equals(TimeToEvent.TOTAL) && !cohorts.isEmpty()).findFirst().ifPresent(total -> {
                for (String measure : List.of(REACHED, WAITING)) {
                    builder.sum(cell(measure, total.projectId(), total.milestone(), TimeToEvent.TOTAL),
                            cohorts.stream().map(w -> cell(measure, w.projectId(), w.milestone(), w.cohort())).toList());
                }
                if (total.milestone().equals(MILESTONE)) { // the same cases for every milestone: one line
                    builder.sum(cell(CASES, total.projectId(), "", TimeToEvent.TOTAL),
                            cohorts.stream().map(w -> cell(CASES, w.projectId(), "", w.cohort())).toList());
                }
            });
        });
        for (EvaluationData.CaseCount c : data.waiting().cases()) {
            builder.count(cell(WITHOUT_START, c.projectId(), "", ""), c.withoutStart());
            builder.count(cell(OUTSIDE, c.projectId(), "", ""), c.outsideFollowUp());
        }
    }

    private DisclosurePlan.Cell cell(String measure, String project, String milestone, String cohort) {
        return new DisclosurePlan.Cell(measure, project + (milestone.isEmpty() ? "" : " " + milestone), data.reportMonth(), cohort);
    }

    /** The plan's legend, for the report's note. */
    String legend() {
        return plan.rule().legend();
    }

    /** The fields of a project's section; every value null where the project has no counted cases. */
    Map<String, Object> fields(EvaluationData.Project project) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Optional<EvaluationData.Wait> total = wait(project.id(), MILESTONE, TimeToEvent.TOTAL);
        Optional<EvaluationData.CaseCount> cases = data.waiting().cases().stream().filter(c -> c.projectId().equals(project.id())).findFirst();
        if (total.isEmpty() && cases.isEmpty()) {
            return fields;
        }
        fields.put("waitHeading", "Wartezeit bis Kursbeginn aus den Falldaten (Kaplan–Meier)");
        fields.put("waitText", text(project, total, cases));
        if (total.isPresent() && shown(total.get())) {
            EvaluationData.Wait w = total.get();
            // the chart shows the first 4 × limit days (224 for eight weeks): where the goal is decided, readable at 56 days
            int horizon = HORIZON_LIMITS * w.limitDays();
            List<EvaluationData.WaitStep> curve = data.waiting().steps().stream()
                    .filter(s -> s.projectId().equals(project.id()) && s.milestone().equals(MILESTONE)).toList();
            int lastDay = Math.min(horizon, curve.isEmpty() ? w.limitDays() : curve.get(curve.size() - 1).day());
            List<KaplanMeierChart.Step> steps = curve.stream().filter(s -> s.day() <= lastDay)
                    .map(s -> new KaplanMeierChart.Step(s.day(), s.share(), s.lower(), s.upper())).toList();
            Double target = comparedIndicator().map(i -> target(project.id(), i)).orElse(null);
            fields.put("waitChart", new SizedChartRenderer(KaplanMeierChart.chart(steps, lastDay, w.limitDays(), limitLabel(w.limitDays()),
                    target), EvaluationReport.CHART_WIDTH, KaplanMeierChart.preferredHeight()));
            fields.put("waitChartDescription", chartDescription(w, steps, lastDay));
        }
        fields.put("waitCohorts", cohortLines(project.id()));
        fields.put("waitStatus", total.flatMap(w -> statusComparison(project, w)).orElse(null));
        fields.put("waitNote", "Kohorte: Quartal des Zuzugs. Anteil: Kaplan–Meier-Schätzung des Anteils mit Kursbeginn bis Tag "
                + total.map(EvaluationData.Wait::limitDays).orElse(56) + " nach Zuzug; naiv: nur abgeschlossene Wartezeiten. "
                + legend());
        return fields;
    }

    private String text(EvaluationData.Project project, Optional<EvaluationData.Wait> total, Optional<EvaluationData.CaseCount> cases) {
        List<String> sentences = new ArrayList<>();
        String followUp = cases.map(c -> GermanFormat.date(c.followUpEnd())).orElse("");
        if (total.isEmpty()) {
            sentences.add("Keine auswertbaren Fälle: kein Fall mit gültigem Zuzug bis " + followUp + ".");
        } else if (!shown(total.get())) {
            EvaluationData.Wait w = total.get();
            sentences.add(plan.shown(cell(CASES, w.projectId(), "", TimeToEvent.TOTAL)) + " Fälle mit Zuzug bis " + followUp
                    + ": zu wenige für eine Schätzung (zum Schutz kleiner Fallzahlen nicht ausgewiesen).");
        } else {
            EvaluationData.Wait w = total.get();
            int limit = w.limitDays();
            sentences.add("Von " + shownCount(CASES, w) + " Fällen mit Zuzug bis " + followUp + " haben " + shownCount(REACHED, w)
                    + " einen Kursbeginn; " + shownCount(WAITING, w) + " warten noch oder sind ohne Kursbeginn ausgeschieden"
                    + " (zensiert am " + followUp + ").");
            sentences.add("Anteil mit Kursbeginn innerhalb von " + limit + " Tagen nach Zuzug (Kaplan–Meier): " + percent(w.share())
                    + interval(w) + (w.medianDays() == null ? "; der Median ist noch nicht erreicht." : "; Median " + w.medianDays() + " Tage."));
            sentences.add(naiveSentence(w));
            for (Milestone other : List.of(Milestone.ERSTBERATUNG, Milestone.ARBEITSAUFNAHME)) {
                wait(project.id(), other.code(), TimeToEvent.TOTAL).filter(this::shown).ifPresent(o -> sentences.add(other.label()
                        + " innerhalb von " + limit + " Tagen: " + percent(o.share())
                        + (o.medianDays() == null ? "" : " (Median " + o.medianDays() + " Tage)") + "."));
            }
        }
        cases.ifPresent(c -> {
            if (c.withoutStart() > 0) {
                sentences.add("Ohne Zuzug (nicht gezählt): " + plan.shown(cell(WITHOUT_START, c.projectId(), "", "")) + " Fälle.");
            }
            if (c.outsideFollowUp() > 0) {
                sentences.add("Zuzug nach dem " + followUp + " (nicht gezählt): " + plan.shown(cell(OUTSIDE, c.projectId(), "", "")) + " Fälle.");
            }
        });
        return String.join(" ", sentences);
    }

    /** The naive share and one sentence on why it differs from the estimate. */
    static String naiveSentence(EvaluationData.Wait w) {
        if (w.naiveShare() == null) {
            return "Noch kein Kursbeginn, daher kein Anteil nur aus abgeschlossenen Wartezeiten.";
        }
        String naive = "Nur abgeschlossene Wartezeiten gezählt (naiver Anteil): " + percent(w.naiveShare()) + ". ";
        double difference = w.naiveShare() - w.share();
        if (Math.abs(difference) < 0.0005) {
            return naive + "Beide Anteile stimmen überein.";
        }
        if (difference > 0) {
            return naive + "Der naive Anteil ist höher, weil er nur Fälle mit Kursbeginn zählt und die noch Wartenden weglässt; "
                    + "Kaplan–Meier zählt sie bis zu ihrem letzten beobachteten Tag mit.";
        }
        return naive + "Der naive Anteil ist niedriger, weil unter den abgeschlossenen Wartezeiten viele lange sind, während "
                + "Kaplan–Meier auch die noch Wartenden bis zu ihrem letzten beobachteten Tag berücksichtigt.";
    }

    /** Per cohort (and gesamt) the cases, those with a Kursbeginn and those waiting, the shares, interval and median. */
    List<Map<String, ?>> cohortLines(String projectId) {
        List<Map<String, ?>> lines = new ArrayList<>();
        data.waiting().waits().stream().filter(w -> w.projectId().equals(projectId) && w.milestone().equals(MILESTONE))
                .sorted(Comparator.comparing((EvaluationData.Wait w) -> w.cohort().equals(TimeToEvent.TOTAL)).thenComparing(EvaluationData.Wait::cohort))
                .forEach(w -> {
                    boolean shown = shown(w);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("cohort", cohortLabel(w.cohort()));
                    line.put("cases", shownCount(CASES, w));
                    line.put("events", shownCount(REACHED, w));
                    line.put("censored", shownCount(WAITING, w));
                    line.put("share", shown ? percent(w.share()) : SmallCounts.MARK);
                    line.put("interval", shown && w.lower() != null ? percent(w.lower()) + " – " + percent(w.upper()) : shown ? "–" : SmallCounts.MARK);
                    line.put("naive", shown ? (w.naiveShare() == null ? "–" : percent(w.naiveShare())) : SmallCounts.MARK);
                    line.put("median", shown ? (w.medianDays() == null ? "–" : GermanFormat.count(w.medianDays().longValue())) : SmallCounts.MARK);
                    lines.add(line);
                });
        return lines;
    }

    /** "Zielstatus IND-01 …: aus den Falldaten … – gefährdet; geliefert für 2026-10: … – auf Kurs. Abweichung: …". */
    private Optional<String> statusComparison(EvaluationData.Project project, EvaluationData.Wait w) {
        Optional<EvaluationData.Indicator> compared = comparedIndicator();
        if (compared.isEmpty() || !shown(w)) {
            return Optional.empty();
        }
        EvaluationData.Indicator indicator = compared.get();
        Double target = target(project.id(), indicator);
        boolean lowerIsBetter = "niedriger ist besser".equals(indicator.direction());
        AttainmentStatus computed = AttainmentStatus.of(w.share(), indicator.baseline(), target, lowerIsBetter);
        String head = "Zielstatus " + indicator.id() + " (" + indicator.name() + "; Ziel " + (target == null ? "–" : percent(target))
                + ", Basiswert " + (indicator.baseline() == null ? "–" : percent(indicator.baseline())) + "): aus den Falldaten berechnet "
                + percent(w.share()) + " – " + EvaluationReport.statusText(computed.label());
        Optional<EvaluationData.Trend> delivered = data.trends().stream()
                .filter(t -> t.projectId().equals(project.id()) && t.indicatorId().equals(indicator.id()) && t.latestValue() != null).findFirst();
        if (delivered.isEmpty()) {
            return Optional.of(head + "; kein gelieferter Wert.");
        }
        EvaluationData.Trend t = delivered.get();
        String both = head + "; geliefert für " + t.latestPeriod() + ": " + percent(t.latestValue()) + " – "
                + EvaluationReport.statusText(t.latestStatus()) + ".";
        if (computed.label().equals(t.latestStatus())) {
            return Optional.of(both + " Der Status stimmt überein.");
        }
        return Optional.of(both + " ⚑ Abweichung: Der gelieferte Status weicht vom aus den Falldaten berechneten ab; bitte mit dem "
                + "Projekt klären (" + (t.latestValue() > w.share() ? "der gelieferte Wert liegt höher, etwa weil noch Wartende fehlen"
                : "der gelieferte Wert liegt niedriger") + ").");
    }

    /** The delivered indicator of {@value #MILESTONE} ({@code tte.indicators}), where the programme reports it as a share. */
    Optional<EvaluationData.Indicator> comparedIndicator() {
        return comparedIndicator(data);
    }

    private static Optional<EvaluationData.Indicator> comparedIndicator(EvaluationData data) {
        return Optional.ofNullable(data.waiting().indicators().get(MILESTONE))
                .flatMap(id -> data.indicators().stream().filter(i -> i.id().equals(id)).findFirst())
                .filter(i -> "Anteil".equals(i.unit()));
    }

    /** The project's target of the indicator: the latest period's (a value row may override it), else the indicator's. */
    private Double target(String projectId, EvaluationData.Indicator indicator) {
        return data.periods().stream().filter(p -> p.projectId().equals(projectId) && p.indicatorId().equals(indicator.id()) && p.target() != null)
                .reduce((a, b) -> b).map(EvaluationData.Period::target).orElse(indicator.target());
    }

    private String chartDescription(EvaluationData.Wait w, List<KaplanMeierChart.Step> steps, int lastDay) {
        List<String> points = new ArrayList<>();
        for (int day : List.of(w.limitDays() / 2, w.limitDays(), w.limitDays() * 3 / 2)) {
            double share = steps.stream().filter(s -> s.day() <= day).reduce((a, b) -> b).map(KaplanMeierChart.Step::share).orElse(0.0);
            points.add("nach " + day + " Tagen " + percent(share));
        }
        return "Diagramm: Anteil mit Kursbeginn nach Tagen seit Zuzug (Kaplan–Meier-Schätzung als Stufenlinie mit 95-%-Konfidenzband, "
                + shownCount(CASES, w) + " Fälle, dargestellt bis Tag " + lastDay + "): " + String.join(", ", points)
                + "; senkrechte Linie bei " + w.limitDays() + " Tagen.";
    }

    /** The counts of a row as shown (cases, reached, waiting): "•" where protected. */
    List<String> shownCounts(EvaluationData.Wait w) {
        return List.of(shownCount(CASES, w), shownCount(REACHED, w), shownCount(WAITING, w));
    }

    /** Whether the row's shares may be shown: none of its counts is hidden. */
    boolean shown(EvaluationData.Wait w) {
        return !plan.hidden(cell(CASES, w.projectId(), "", w.cohort())) && !plan.hidden(cell(REACHED, w.projectId(), w.milestone(), w.cohort()))
                && !plan.hidden(cell(WAITING, w.projectId(), w.milestone(), w.cohort()));
    }

    private String shownCount(String measure, EvaluationData.Wait w) {
        return plan.shown(cell(measure, w.projectId(), measure.equals(CASES) ? "" : w.milestone(), w.cohort()));
    }

    private Optional<EvaluationData.Wait> wait(String projectId, String milestone, String cohort) {
        return data.waiting().waits().stream()
                .filter(w -> w.projectId().equals(projectId) && w.milestone().equals(milestone) && w.cohort().equals(cohort)).findFirst();
    }

    /** The method in plain German, for the report's last page. */
    static String method(EvaluationData data) {
        int limit = data.waiting().waits().get(0).limitDays();
        String compared = comparedIndicator(data).map(i -> " Der Zielstatus der Schätzung wird "
                + "mit Zielwert und Basiswert des gelieferten Indikators " + i.id() + " bestimmt (Regel wie für gelieferte Werte) und neben "
                + "dessen jüngsten gelieferten Status gestellt; weichen beide ab, ist das markiert (⚑).").orElse("");
        return "Grundlage sind die pseudonymen Fallverläufe der Kommunen (model-projects/case_events.csv): je Fall der Zuzug und die "
                + "Daten von Erstberatung, Kursbeginn und Arbeitsaufnahme. Gezählt werden Fälle mit gültigem Zuzug bis zum Ende des "
                + "Berichtsmonats oder dem Projektende, wenn dieses früher liegt; Fälle ohne Zuzug und mit Zuzug danach sind nicht "
                + "gezählt und werden genannt. Wer den Meilenstein bis dahin nicht erreicht hat, wartet noch: Die Wartezeit ist "
                + "„zensiert“, man weiß nur, dass sie länger ist. Der naive Anteil (nur abgeschlossene Wartezeiten) lässt diese Fälle "
                + "weg und überschätzt deshalb, wie schnell es geht. Die Kaplan–Meier-Schätzung zählt jeden Fall, solange er "
                + "beobachtet ist: Für jeden Tag mit Kursbeginn wird der Anteil der an diesem Tag noch Wartenden bestimmt, der beginnt, "
                + "und die Anteile werden verkettet. Der ausgewiesene Anteil ist der geschätzte Anteil mit Kursbeginn bis Tag " + limit
                + " nach Zuzug (tte.limit-days); das 95-%-Intervall folgt der log-log-Transformation mit Greenwoods Varianz. Der Median "
                + "ist der erste Tag, an dem mindestens die Hälfte begonnen hat. Kohorten fassen die Fälle nach dem Quartal ihres "
                + "Zuzugs zusammen. In jungen Kohorten und kurz vor dem Projektende ist die Beobachtung kurz: Die Schätzung stützt "
                + "sich dann auf wenige Fälle und kann 100 % erreichen, obwohl noch Fälle warten (alle länger Beobachteten haben "
                + "begonnen); ein Intervall lässt sich dort nicht angeben, die Zahl ist unsicher." + compared + " Fallzahlen unter " + data.waiting().minCount() + " und Werte, aus denen sie sich "
                + "errechnen ließen, sind durch „•“ ersetzt; Anteile stehen nur, wo keine Zahl ihrer Zeile verborgen ist.";
    }

    /** " (95-%-Intervall 23,7 % bis 88,0 %)"; empty where the interval is not defined. */
    static String interval(EvaluationData.Wait w) {
        return w.lower() == null || w.upper() == null ? "" : " (95-%-Intervall " + percent(w.lower()) + " bis " + percent(w.upper()) + ")";
    }

    /** "2026-Q3" → "3. Quartal 2026"; gesamt → "gesamt". */
    static String cohortLabel(String cohort) {
        if (cohort.equals(TimeToEvent.TOTAL)) {
            return "gesamt";
        }
        return cohort.substring(6) + ". Quartal " + cohort.substring(0, 4);
    }

    /** "56 Tage (8 Wochen)"; "60 Tage". */
    static String limitLabel(int days) {
        return days + " Tage" + (days % 7 == 0 ? " (" + days / 7 + " Wochen)" : "");
    }

    /** 0.53125 → "53,1 %". */
    static String percent(double share) {
        return GermanFormat.decimal(share * 100, 1) + " %";
    }
}
