package de.integrationsmonitor.pipelines.run;

import de.integrationsmonitor.pipelines.bronze.FileOutcome;
import de.integrationsmonitor.pipelines.contract.QualityCheck;
import de.integrationsmonitor.pipelines.gold.GoldJob;
import de.integrationsmonitor.pipelines.ops.DataQuality;
import de.integrationsmonitor.pipelines.silver.SilverJob;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The German one-line summaries of the pipeline's stages that {@code ./imon run} prints. */
final class StageSummaries {
    /** Indent of the lines that follow a stage line (rejected files). */
    private static final String CONTINUATION = "\n          ";

    private StageSummaries() {}

    static String bronze(List<FileOutcome> files) {
        long changed = files.stream().filter(f -> f.status() == FileOutcome.Status.LOADED || f.status() == FileOutcome.Status.REPLACED).count();
        long unchanged = files.stream().filter(f -> f.status() == FileOutcome.Status.UNCHANGED).count();
        long rejected = files.stream().filter(f -> f.status() == FileOutcome.Status.REJECTED).count();
        long ignored = files.stream().filter(f -> f.status() == FileOutcome.Status.IGNORED).count();
        long rows = files.stream().filter(f -> f.status() == FileOutcome.Status.LOADED || f.status() == FileOutcome.Status.REPLACED)
                .mapToLong(FileOutcome::rows).sum();
        return files.size() + " Dateien: " + changed + " neu oder geändert (" + count(rows) + " Zeilen), "
                + unchanged + " unverändert, " + rejected + " abgelehnt" + (ignored > 0 ? ", " + ignored + " ignoriert" : "")
                + files.stream().filter(f -> f.status() == FileOutcome.Status.REJECTED)
                        .map(f -> CONTINUATION + "abgelehnt: " + f.message()).collect(Collectors.joining());
    }

    static String silver(List<SilverJob.FileAccount> accounts) {
        long in = accounts.stream().mapToLong(SilverJob.FileAccount::rowsIn).sum();
        long accepted = accounts.stream().mapToLong(SilverJob.FileAccount::rowsAccepted).sum();
        long quarantined = accounts.stream().mapToLong(SilverJob.FileAccount::rowsQuarantined).sum();
        return count(in) + " Zeilen: " + count(accepted) + " übernommen, " + count(quarantined)
                + " in Quarantäne (silver.quarantine)";
    }

    static String gold(GoldJob.Result gold) {
        String months = gold.months().size() + " Monate (" + gold.months().get(0) + " bis " + gold.months().get(gold.months().size() - 1) + ")";
        if (gold.incremental()) {
            months += ", davon neu berechnet: " + gold.computedMonths().stream().map(YearMonth::toString)
                    .collect(Collectors.joining(", "));
        }
        return months + ", Berichtsmonat " + gold.reportMonth() + ", " + String.format(Locale.GERMANY, "%.1f", gold.gapSeconds())
                + " s für Versorgungslücken (davon " + String.format(Locale.GERMANY, "%.1f", gold.accessSeconds())
                + " s Erreichbarkeit, gold.offer_access)" + cases(gold.cases(), ", " + String.format(Locale.GERMANY, "%.1f",
                gold.cases().seconds()) + " s");
    }

    /** "; Fallverläufe: 12 Projekte, 903 Fälle, ohne Zuzug (nicht gezählt): EGN-04 2, EGN-07 1 (gold.time_to_event)"; empty without cases. */
    static String cases(GoldJob.Cases cases) {
        return cases(cases, "");
    }

    private static String cases(GoldJob.Cases cases, String seconds) {
        if (cases.projects() == 0 && cases.withoutStart().isEmpty()) {
            return "";
        }
        String without = cases.withoutStart().isEmpty() ? "keine ohne Zuzug"
                : "ohne Zuzug (nicht gezählt): " + cases.withoutStart().entrySet().stream()
                        .map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
        return "; Fallverläufe: " + cases.projects() + (cases.projects() == 1 ? " Projekt, " : " Projekte, ") + count(cases.counted())
                + " Fälle, " + without + " (gold.time_to_event" + seconds + ")";
    }

    static String upToDate(String lastRun, GoldJob.Result gold) {
        return "nichts Neues seit Lauf " + lastRun + " (keine neuen oder geänderten Dateien, gleiche Einstellungen): Silber, Gold "
                + "und Prüfungen sind aktuell und werden übersprungen; Berichtsmonat " + gold.reportMonth();
    }

    static String quality(List<DataQuality.Result> results) {
        long errors = results.stream().filter(r -> r.failingRows() > 0 && r.check().severity() == QualityCheck.Severity.ERROR).count();
        long warnings = results.stream().filter(r -> r.failingRows() > 0 && r.check().severity() == QualityCheck.Severity.WARNING).count();
        return results.size() + " Prüfungen: " + errors + " Fehler, " + warnings + " Hinweise (ops.dq_results)";
    }

    /** German grouping: 8.008. */
    static String count(long value) {
        return String.format(Locale.GERMANY, "%,d", value);
    }
}
