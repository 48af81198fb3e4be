package de.integrationsmonitor.cli;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.contract.ErrorCategory;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.testing.SharedSparkSession;
import de.integrationsmonitor.pipelines.warehouse.Warehouse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code imon run} on the hand-made fixture (pipelines/src/test/resources/fixture-input) into an
 * empty warehouse (the module's shared {@link FixtureRun}) and checks gold rows, quarantine, the PDF text, {@code imon sql} and every notebook.
 *
 * <p>Fixture by hand: snapshot 2026-09-01 holds O1 (Castrop-Rauxel), O2 (Oer-Erkenschwick), O3
 * (Castrop-Rauxel, Ende 15.09.); snapshot 2026-10-01 holds O1, O2, O4 ("Castrup-Rauxel", an alias) and O5
 * (Bottrop, unknown). October events: O1 12 (7 w, 3 neu), O2 8 (8 w), a KOMM-AN event for the Kreis 20
 * (11 w, 15 neu); O9 is unknown, one count is negative. Workshop WS1 in Oer-Erkenschwick, 25 people; WS3 (2 people)
 * and WS4 (15) in Bielefeld in October, whose Monatsbericht shows their sum 17. Castrop-Rauxel's Stadtteile
 * Habinghorst (2) and Ickern (40) have the only Ukrainian-speaking demand: Castrop-Rauxel 42.
 */
class ImonEndToEndIT {
    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    static Path input;
    static Path warehouse;
    static Path out;
    static String runOutput;
    static SparkSession spark;

    /**
     * The run is the module's shared {@link FixtureRun}; the tests rerun and query a copy of its warehouse (the
     * rerun below changes the run log), its input and reports they only read.
     */
    @BeforeAll
    static void runPipeline() throws IOException {
        spark = SharedSparkSession.get();
        FixtureRun run = FixtureRun.get();
        input = run.input;
        warehouse = temp.resolve("warehouse");
        copy(run.warehouse, warehouse);
        out = run.out;
        runOutput = run.output;
    }

    @Test
    void progressLinesNameEveryStage() {
        assertThat(runOutput).contains("[2] Bronze").contains("[3] Planung").contains("[4] Silber").contains("[5] Gold").contains("[6] Prüfungen")
                .contains("[7] Berichtsdaten").contains("3 Gebiete gelesen (Abfragen")
                .contains("Personenzahlen, 12 verborgen (2 davon nur zum Schutz anderer)")
                .contains("[8] Berichte").contains("2 Workshop-Auswertungen")
                .contains("[9] Lücken").contains("Versorgungslücken: 7 PDF (3 Kreise und 4 Gemeinden) und 3 XLSX")
                .contains("13 Dateien: 13 neu oder geändert")
                .contains("10 in Quarantäne")
                .contains("Fallverläufe: 2 Projekte, 9 Fälle, ohne Zuzug (nicht gezählt): P1 1 (gold.time_to_event, ")
                .contains("Berichtsmonat 2026-10");
    }

    @Test
    void kpiMonthlyHoldsTheHandComputedFigures() {
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        assertThat(rows(wh.read(TableCatalog.GOLD_KPI_MONTHLY))).containsExactly(
                // Münster, a kreisfreie Stadt: O8 in both snapshots, one event in October with one person (a small count)
                row("2026-09", "05515", 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-09", "05515000", 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-09", "05562", 3L, null, null, 1L, 10L, 5L, 2L, 0L, 0L),
                row("2026-09", "05562004", 2L, null, null, 1L, 10L, 5L, 2L, 0L, 0L),
                row("2026-09", "05562028", 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-09", "05711", 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-09", "05711000", 1L, null, null, 0L, 0L, 0L, 0L, 0L, 0L),
                row("2026-10", "05515", 1L, 0L, 0L, 1L, 1L, 1L, 1L, 0L, 0L),
                row("2026-10", "05515000", 1L, 0L, 0L, 1L, 1L, 1L, 1L, 0L, 0L),
                row("2026-10", "05562", 3L, 1L, 1L, 3L, 40L, 26L, 18L, 1L, 25L),
                row("2026-10", "05562004", 2L, 1L, 1L, 1L, 12L, 7L, 3L, 0L, 0L),
                row("2026-10", "05562028", 1L, 0L, 0L, 1L, 8L, 8L, 0L, 1L, 25L),
                // Bielefeld, a kreisfreie Stadt: O6 in both snapshots, two events (2 and 9 people, 1 + 5 women, 1 + 3 new); workshops WS3 and WS4 (2 + 15 people)
                row("2026-10", "05711", 1L, 0L, 0L, 2L, 11L, 6L, 4L, 2L, 17L),
                row("2026-10", "05711000", 1L, 0L, 0L, 2L, 11L, 6L, 4L, 2L, 17L));
    }

    @Test
    void everyRejectedRowIsInQuarantineWithItsReason() {
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        assertThat(rows(wh.read(TableCatalog.SILVER_QUARANTINE), "source_file", "source_line", "reason", "value")).containsExactly(
                row("model-projects/case_events.csv", 18, "event_before_start", "2026-04-20"),
                row("model-projects/case_events.csv", 21, "duplicate_key", "Kursbeginn"),
                row("model-projects/case_events.csv", 22, "unknown_project", "P9"),
                row("offers/angebote_2026-10-01.csv", 5, "unknown_city", "Bottrop"),
                row("participation/teilnahmen_2026-10.csv", 5, "unknown_offer", "O9"),
                row("participation/teilnahmen_2026-10.csv", 6, "negative_count", "-1"),
                row("participation/teilnahmen_2026-10.csv", 7, "future_date", "15.01.2031"),
                row("reference/boundaries.geojson", 7, "unknown_org_unit", "05562999"),
                row("workshops/statements.csv", 4, "unknown_label", "Regen"),
                row("workshops/statements.csv", 5, "unknown_workshop", "WS7"));
        String runId = runOutput.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
        assertThat(rows(wh.read(TableCatalog.OPS_FILE_LOG).filter("source_file LIKE 'participation/%' AND run_id = '" + runId + "'"),
                "source_file", "rows_in", "rows_accepted", "rows_quarantined")).containsExactly(
                row("participation/teilnahmen_2026-09.csv", 1L, 1L, 0L),
                row("participation/teilnahmen_2026-10.csv", 9L, 6L, 3L));
    }

    @Test
    void monatsberichtShowsTheMonthAndFiguresWithUmlautsAndNoPersonalData() throws IOException {
        Path pdf = out.resolve("kreis-recklinghausen/monatsbericht_2026-10.pdf");
        assertThat(pdf).exists();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Kreis Recklinghausen").contains("Oktober 2026").contains("Oer-Erkenschwick")
                    .contains("Castrop-Rauxel").contains("Teilnehmende");
            assertThat(text).doesNotContain("example.org").doesNotContain("Müßig").doesNotContain("02305");
            assertThat(text).contains("Datenqualität").contains("1 Zeile abgewiesen: Datum liegt in der Zukunft")
                    .contains("Datenstand: Angebote vom 01.10.2026, Teilnahme gemeldet bis 05.10.2026")
                    .contains("kreisweit 0 0 0 1 20 11 15 0")
                    // O1 (Begegnung, Bildung) 12, O2 (Bildung) 8, the Kreis's KOMM-AN event 20
                    .contains("Begegnung 1 12").contains("Bildung / Sprachförderung 2 20")
                    .contains("ohne Angebotsbezug (z. B. Programmveranstaltungen) 1 20")
                    .contains("1 Oer-Erkenschwick Geschlecht Weiblich 15.800 1 3,0 2,0 0,33")
                    // P1's indicator I1: latest reported quarter 2026-Q3, 0.8 between 0,5 and 0,9
                    .contains("↗ auf Kurs 1")
                    .contains("Datenstand 05.10.2026");
        }
    }

    /**
     * By hand, October: women in Oer-Erkenschwick 15,800 with one offer (O2, open to all genders); the Kreis
     * has 3 offers for women (O1 weiblich, O2 and O4 open to all) and demand only there, so 3 are expected:
     * coverage 1/3, a gap. September: O1, O2 and O3 (weiblich, ends 15.09.) give the same figures; and Turkish
     * in Castrop-Rauxel (1,200 persons) has no offer anywhere in the Kreis before O4 appears in October:
     * nothing is expected (rate 0), but no offer with demand of 200 or more is a gap by the contract.
     */
    @Test
    void versorgungslueckenReportsAndGapTableHoldTheHandComputedGap() throws IOException {
        Path kreis = out.resolve("kreis-recklinghausen");
        assertThat(kreis.resolve("versorgungsluecken_2026-10.pdf")).exists();
        assertThat(kreis.resolve("versorgungsluecken_2026-10_castrop-rauxel.pdf")).exists();
        assertThat(kreis.resolve("versorgungsluecken_2026-10_oer-erkenschwick.pdf")).exists();
        assertThat(kreis.resolve("versorgungsluecken_2026-10.xlsx")).exists();
        try (PDDocument document = Loader.loadPDF(kreis.resolve("versorgungsluecken_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("1 Oer-Erkenschwick Geschlecht Weiblich 15.800 1 3,0 2,0 0,33")
                    .contains("Datenstand: Angebote vom 01.10.2026")
                    .doesNotContain("example.org").doesNotContain("02305");
        }
        Result gaps = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT * FROM gold.coverage_gaps WHERE is_gap ORDER BY month, org_unit_id");
        assertThat(gaps.exitCode()).as(gaps.err()).isZero();
        assertThat(gaps.out()).isEqualTo("month,org_unit_id,dimension,value,demand_persons,offers_active,expected_offers,"
                + "coverage_index,shortfall,is_gap\n"
                + "2026-09,05562004,language,tr,1200,0,0.0,,0.0,true\n"
                + "2026-09,05562028,gender,w,15800,1,3.0,0.3333333333333333,2.0,true\n"
                + "2026-10,05562028,gender,w,15800,1,3.0,0.3333333333333333,2.0,true\n");
    }

    /**
     * Across borders (gold.offer_access): only Castrop-Rauxel and Oer-Erkenschwick have centres (10.52 km apart, weight
     * w = (exp(-½·(10.52/15)²) − exp(-½)) / (1 − exp(-½)) = 0.4455); Bielefeld and Münster have none and get no row. The
     * gap for women in Oer-Erkenschwick (15,800 persons, 1 offer) is reachable: Castrop-Rauxel's 2 offers for women have
     * no demand of their own, so all 3 serve Oer-Erkenschwick: 10,000 · 3 / 15,800 = 1.8987, exactly the area's value.
     * Arabic: R(Castrop-Rauxel) = 1 / (650 + 0.4455 · 180) = 1 / 730.2, so Castrop-Rauxel 13.695 and Oer-Erkenschwick
     * 0.4455 · 13.695 = 6.101 per 10,000. The maps are drawn from the delivered shape of Castrop-Rauxel and a schematic
     * cell for Oer-Erkenschwick; a feature for an unknown unit is quarantined (see the quarantine test).
     */
    @Test
    void accessAcrossBordersCountsTheOffersInTheNeighbouringTownAndTheReportsSaySo() throws IOException {
        Result access = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT org_unit_id, dimension, value, demand_persons, round(access_per_10k, 4) AS a, round(access_ratio, 4) AS r, "
                        + "is_access_gap FROM gold.offer_access WHERE month = '2026-10' AND demand_persons > 0 ORDER BY 2, 3, 1");
        assertThat(access.exitCode()).as(access.err()).isZero();
        assertThat(access.out()).isEqualTo("org_unit_id,dimension,value,demand_persons,a,r,is_access_gap\n"
                + "05562028,gender,w,15800,1.8987,1.0,false\n"
                + "05562004,language,ar,650,13.6951,1.1367,false\n"
                + "05562028,language,ar,180,6.101,0.5064,false\n"
                + "05562004,language,tr,1200,8.3333,1.0,false\n"
                + "05562004,language,uk,42,0.0,,false\n");
        Result coverage = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT (SELECT count(*) FROM gold.offer_access), (SELECT count(*) FROM gold.coverage_gaps "
                        + "WHERE org_unit_id IN ('05562004', '05562028')), (SELECT count(*) FROM gold.offer_access "
                        + "WHERE org_unit_id IN ('05711000', '05515000'))");
        assertThat(coverage.out()).endsWith("\n49,49,0\n");
        Path kreis = out.resolve("kreis-recklinghausen");
        try (PDDocument document = Loader.loadPDF(kreis.resolve("versorgungsluecken_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("1 Oer-Erkenschwick Geschlecht: Weiblich 1,9 (1,9) durch Angebote in Nachbarorten erreichbar: "
                            + "Castrop-Rauxel 10,5 km (2 Angebote)")
                    .contains("Karte: Deckungsgrad nach Sprache").contains("Karte: Erreichbarkeit über Gemeindegrenzen")
                    .contains("Unter Berücksichtigung der Angebote in Nachbarorten bleiben 0 der");
        }
        try (PDDocument document = Loader.loadPDF(out.resolve("bielefeld/versorgungsluecken_2026-10.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Keine Karte: für die Gemeinden in Bielefeld sind weder Umrisse (reference/boundaries.geojson) noch "
                            + "Zentren (Spalten lat;lon in reference/org_units.csv) geliefert.")
                    .contains("Für die Gemeinden dieses Gebiets wurden keine Koordinaten geliefert");
        }
    }

    /**
     * The fixture has three areas: Kreis Recklinghausen (Castrop-Rauxel with Stadtteil Habinghorst, Oer-Erkenschwick) and
     * the kreisfreie Städte Bielefeld and Münster. Each KI's folder is what it receives: no file in it names a unit of
     * another area, by name or id, in any PDF text or XLSX cell. (Münster's name is also its Regierungsbezirk's, the
     * reference area of a kreisfreie Stadt, so only its ids are looked for in Recklinghausen's folder.)
     */
    @Test
    void eachAreaFolderHoldsOnlyItsOwnArea() throws IOException {
        List<String> recklinghausen = List.of("Kreis Recklinghausen", "Recklinghausen", "Castrop-Rauxel", "Oer-Erkenschwick",
                "Habinghorst", "05562", "05562004", "05562028");
        java.util.Map<String, List<String>> foreign = java.util.Map.of(
                "bielefeld", java.util.stream.Stream.concat(recklinghausen.stream(), java.util.stream.Stream.of("Münster", "05515")).toList(),
                "kreis-recklinghausen", List.of("Bielefeld", "05711", "05711000", "05515", "05515000"),
                "muenster", java.util.stream.Stream.concat(recklinghausen.stream(), java.util.stream.Stream.of("Bielefeld", "05711")).toList());
        java.util.Map<String, String> texts = reportTexts(out);
        for (var area : foreign.entrySet()) {
            List<String> files = texts.keySet().stream().filter(name -> name.startsWith(area.getKey() + "/")).toList();
            assertThat(files).as(area.getKey()).hasSizeGreaterThanOrEqualTo(5);
            for (String file : files) {
                for (String unit : area.getValue()) {
                    assertThat(texts.get(file)).as("%s names %s", file, unit).doesNotContain(unit);
                }
            }
        }
        // Bielefeld's own report: its figures, its model project P2 (Q3 beyond the target), its two workshops
        String bielefeld = texts.get("bielefeld/monatsbericht_2026-10.pdf");
        assertThat(bielefeld).contains("Bielefeld").contains("Oktober 2026").contains("Veranstaltungen 2")
                .contains("1 Modellprojekt (Einwanderung gestalten NRW) mit 1 gemeldeten Indikator;")
                .contains("erreicht 1").doesNotContain("auf Kurs 1")
                // its own latest event (04.10.), not the run's (05.10., Kreis Recklinghausen)
                .contains("Teilnahme gemeldet bis 04.10.2026");
        assertThat(texts.get("muenster/monatsbericht_2026-10.pdf")).contains("Teilnahme gemeldet bis 03.10.2026");
        assertThat(texts.get("bielefeld/versorgungsluecken_2026-10.pdf")).contains("Bielefeld");
        // the Landesübersicht compares both; Bielefeld's 1 offer for 334,000 residents is 0,03 per 10,000
        assertThat(texts.get("land/landesuebersicht_2026-10.pdf")).contains("3 Kreise und kreisfreie Städte, davon 3 mit Daten")
                // Münster's one participant is a small count, hidden, and so is its change
                .contains("Münster Münster 322.000 1 0 (0,0 %) 0,03 1 • • 0 vorhanden")
                .contains("Bielefeld Detmold 334.000 1 0 (0,0 %) 0,03 2 11 keine Daten 2 vorhanden")
                .contains("Kreis Recklinghausen Münster 615.000 3 0 (0,0 %) 0,05 3 40 +30 (+300,0 %) 1 vorhanden")
                .contains("Bielefeld Bielefeld P2 Erstberatung für Neuzugewanderte 1 erreicht")
                // gaps summed per area: Oer-Erkenschwick's women (shortfall 2,0) is Recklinghausen's only gap, no language
                .contains("Kreis Recklinghausen 1 2,0 –").contains("Bielefeld 0 0,0 –");
    }

    /**
     * A recipient of every file of the run (a KI's folder, the Landesübersicht) cannot compute a hidden count back: no
     * table shows a total with exactly one hidden cell in its column, and each area's participants are hidden in its
     * Monatsbericht exactly where they are hidden in the Landesübersicht. Münster's one participant is the target.
     */
    @Test
    void noHiddenCountCanBeComputedBackFromAllReportsOfTheRun() throws IOException {
        assertThat(DisclosureAudit.hiddenCells(out)).as("hidden cells to attack").isGreaterThanOrEqualTo(8);
        assertThat(DisclosureAudit.findings(out)).isEmpty();
        assertThat(reportText(out.resolve("muenster/monatsbericht_2026-10.xlsx"))).contains("Teilnehmende\t•\t0\t");
        // WS3's 2 people would follow from Bielefeld's 17 workshop participants and WS4's 15: both are hidden, the 17 shown
        assertThat(reportText(out.resolve("bielefeld/monatsbericht_2026-10.xlsx"))).contains("Teilnehmende an Workshops\t17\t");
        assertThat(reportText(out.resolve("bielefeld/workshop_auswertung_2026-10.xlsx")))
                .contains("WS3\tAnkommen in Bielefeld\tIntegration in Arbeit\t").contains("WS4\tNachbarschaft im Quartier\t")
                .doesNotContain("\t15\t").doesNotContain("\t2\t0\t");
        try (PDDocument document = Loader.loadPDF(out.resolve("bielefeld/workshop_auswertung_2026-10.pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Ankommen in Bielefeld 08.10.2026 Bielefeld, Neues Rathaus • 0 0 0 0")
                    .contains("Nachbarschaft im Quartier 22.10.2026 Bielefeld, Bürgerzentrum • 0 0 0 0");
        }
        // Habinghorst's 2 would follow from Castrop-Rauxel's 42 and Ickern's 40 (Kreis report and Gemeinde report)
        String gaps = reportText(out.resolve("kreis-recklinghausen/versorgungsluecken_2026-10.xlsx"));
        assertThat(gaps).contains("05562004\tCastrop-Rauxel\tSprache\tUkrainisch\tuk\t42\t")
                .contains("Habinghorst\tCastrop-Rauxel\tSprache\tUkrainisch\tuk\t•\t")
                .contains("Ickern\tCastrop-Rauxel\tSprache\tUkrainisch\tuk\t•\t");
    }

    /** An area that is no Kreis is refused before anything is read, with the list of the valid ones. */
    @Test
    void anUnknownOrWrongLevelAreaIsRefusedBeforeBronze() {
        Path refusedWarehouse = temp.resolve("refused-warehouse");
        for (String area : List.of("99999", "05562004")) {
            Result refused = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                    "--warehouse", refusedWarehouse.toString(), "--out", temp.resolve("refused-out").toString(), "--area", area);
            assertThat(refused.exitCode()).isEqualTo(ErrorCategory.USAGE.exitCode());
            assertThat(refused.err()).contains("Berichtsgebiet (--area): " + area)
                    .contains("Möglich sind: 05711 Bielefeld, 05562 Kreis Recklinghausen, 05515 Münster.").doesNotContain("\tat ");
            assertThat(refused.out()).doesNotContain("] Bronze");
        }
        assertThat(refusedWarehouse).doesNotExist();
    }

    /** WS1 (Oer-Erkenschwick, 20.10.2026, 25 people) keeps two statements; "Regen" and WS7 are in quarantine. */
    @Test
    void workshopAuswertungListsTheWorkshopAndItsStatements() throws IOException {
        assertThat(out.resolve("muenster/workshop_auswertung_2026-10.pdf")).as("Münster has no workshops").doesNotExist();
        try (PDDocument document = Loader.loadPDF(out.resolve("kreis-recklinghausen/workshop_auswertung_2026-10.pdf").toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("2 Workshops in 2 Handlungsfeldern · 2 Aussagen")
                    .contains("Fortschreibung Integrationskonzept 20.10.2026 Oer-Erkenschwick, Stimbergpark 25 1 0 1 0")
                    .contains("Sicherheit und Rassismus Sonne Die Begegnungscafés werden gut angenommen.")
                    .contains("Sicherheit und Rassismus Gewitter Es fehlen Sprachkurse mit Kinderbetreuung.")
                    .doesNotContain("Unklare Kategorie");
        }
    }

    @Test
    void everyPdfOfTheRunIsPdfA2aAndPdfUa1() throws IOException {
        List<Path> pdfs;
        try (Stream<Path> files = Files.walk(out)) {
            pdfs = files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(pdfs).extracting(p -> out.relativize(p).toString()).containsExactly(
                "bielefeld/monatsbericht_2026-10.pdf", "bielefeld/versorgungsluecken_2026-10.pdf",
                "bielefeld/versorgungsluecken_2026-10_bielefeld.pdf", "bielefeld/workshop_auswertung_2026-10.pdf",
                "kreis-recklinghausen/monatsbericht_2026-10.pdf", "kreis-recklinghausen/versorgungsluecken_2026-10.pdf",
                "kreis-recklinghausen/versorgungsluecken_2026-10_castrop-rauxel.pdf",
                "kreis-recklinghausen/versorgungsluecken_2026-10_oer-erkenschwick.pdf",
                "kreis-recklinghausen/workshop_auswertung_2026-10.pdf", "land/landesuebersicht_2026-10.pdf",
                "modellprojekte/modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10.pdf",
                "muenster/monatsbericht_2026-10.pdf", "muenster/versorgungsluecken_2026-10.pdf",
                "muenster/versorgungsluecken_2026-10_muenster.pdf");
        String runId = runOutput.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
        for (Path pdf : pdfs) {
            de.integrationsmonitor.reports.common.render.TestPdfCompliance.assertCompliant(pdf);
            try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                // the footer names the whole run id (a long programme name once cut it after the dash)
                assertThat(new PDFTextStripper().getText(document)).as(pdf.getFileName().toString())
                        .contains("Lauf " + runId + " · Seite 1 von ");
            }
        }
    }

    /**
     * P1 (from 01.01.2026) reports I1 quarterly (baseline 0,5, target 0,9): Q2 0,7 is exactly half-way,
     * Q3 0.8 (written with a dot) three quarters; Q1 and the running Q4 have no value.
     */
    @Test
    void indicatorAttainmentHoldsEveryQuarterOfTheSpan() {
        Result result = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT project_id, indicator_id, period, value, baseline, target, attainment, status "
                        + "FROM gold.indicator_attainment ORDER BY project_id, period");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("project_id,indicator_id,period,value,baseline,target,attainment,status\n"
                + "P1,I1,2026-Q1,,0.5,0.9,,keine Daten\n"
                + "P1,I1,2026-Q2,0.7,0.5,0.9,0.5,auf Kurs\n"
                + "P1,I1,2026-Q3,0.8,0.5,0.9,0.75,auf Kurs\n"
                + "P1,I1,2026-Q4,,0.5,0.9,,keine Daten\n"
                // P2 (Bielefeld, from 01.04.2026): Q3 0,95 beyond the target; Q2 and Q4 without a value
                + "P2,I1,2026-Q2,,0.5,0.9,,keine Daten\n"
                + "P2,I1,2026-Q3,0.95,0.5,0.9,1.125,erreicht\n"
                + "P2,I1,2026-Q4,,0.5,0.9,,keine Daten\n");
    }

    /**
     * After a new value is delivered (P1 I1 2026-Q4 = 0,95) and loaded, {@code --as-of} the first run
     * renders the evaluation exactly as that run did: the values sheet equals the first run's, while the
     * current data has the new value.
     */
    @Test
    void asOfAnEarlierRunReproducesItsEvaluationAfterNewValuesWereLoaded() throws IOException {
        String firstRun = runOutput.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
        Path laterWarehouse = temp.resolve("warehouse-later");
        copy(warehouse, laterWarehouse);
        Path laterInput = temp.resolve("input-later");
        copy(input, laterInput);
        Files.writeString(laterInput.resolve("model-projects/values.csv"), "P1;I1;2026-Q4;0,95;;\n", StandardOpenOption.APPEND);
        Result later = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", laterInput.toString(),
                "--warehouse", laterWarehouse.toString(), "--out", temp.resolve("out-later").toString());
        assertThat(later.exitCode()).as(later.err()).isZero();
        String evaluation = "modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10";
        assertThat(valuesSheet(temp.resolve("out-later/modellprojekte").resolve(evaluation + ".xlsx"))).contains("P1 I1 2026-Q4 0.95 erreicht");

        Result asOf = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--warehouse", laterWarehouse.toString(),
                "--out", temp.resolve("out-as-of").toString(), "--as-of", firstRun);
        assertThat(asOf.exitCode()).as(asOf.err()).isZero();
        assertThat(asOf.out()).contains("[2] Evaluation").contains("Stand Lauf " + firstRun);
        Path reproduced;
        try (Stream<Path> files = Files.list(temp.resolve("out-as-of/modellprojekte"))) {
            reproduced = files.filter(p -> p.getFileName().toString().startsWith(evaluation + "_stand-")
                    && p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        }
        assertThat(valuesSheet(reproduced)).isEqualTo(valuesSheet(out.resolve("modellprojekte").resolve(evaluation + ".xlsx")))
                .contains("P1 I1 2026-Q4  keine Daten");
        try (PDDocument document = Loader.loadPDF(Path.of(reproduced.toString().replace(".xlsx", ".pdf")).toFile())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Datenstand wie am")
                    .contains("gold.indicator_attainment v");
        }
    }

    /** The "Werte" sheet as lines of project, indicator, period, value and status. */
    private static List<String> valuesSheet(Path xlsx) throws IOException {
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            return workbook.getFirstSheet().read().stream()
                    .map(r -> r.getCellText(0) + " " + r.getCellText(2) + " " + r.getCellText(4) + " " + r.getCellText(6) + " "
                            + r.getCellText(10))
                    .toList();
        }
    }

    /**
     * The contact names, phone numbers and e-mail addresses delivered in the offers files appear in no
     * silver or gold table and in no file of the output folder (PDF text, XLSX cells).
     */
    @Test
    void noPersonalDataLeavesBronze() throws IOException {
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        List<String> personal = new java.util.ArrayList<>();
        for (org.apache.spark.sql.Row row : wh.read(TableCatalog.bronze(de.integrationsmonitor.pipelines.contract.Source.OFFERS))
                .select("contact_person", "phone", "email").collectAsList()) {
            for (int i = 0; i < 3; i++) {
                if (!row.isNullAt(i) && !row.getString(i).isBlank()) {
                    personal.add(row.getString(i).strip());
                }
            }
        }
        assertThat(personal).contains("Jörg Müßig", "02305 55501", "o.yilmaz@example.org", "Petra Ölmez");
        List<String> texts = new java.util.ArrayList<>();
        for (var table : TableCatalog.all()) {
            if (table.layer() != de.integrationsmonitor.pipelines.contract.Layer.BRONZE && wh.exists(table)) {
                wh.read(table).collectAsList().forEach(row -> texts.add(table.qualifiedName() + ": " + row));
            }
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".pdf")) {
                    try (PDDocument document = Loader.loadPDF(file.toFile())) {
                        texts.add(file.getFileName() + ": " + new PDFTextStripper().getText(document));
                    }
                } else if (file.toString().endsWith(".xlsx")) {
                    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile())) {
                        for (var sheet : workbook.getSheets().toList()) {
                            sheet.read().forEach(row -> texts.add(file.getFileName() + ": " + row));
                        }
                    }
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(100);
        for (String value : personal) {
            assertThat(texts).as("personal value %s", value).noneMatch(text -> text.contains(value));
        }
        // Fall-IDs are pseudonyms that may be in silver (to link a case's milestones), never in gold, ops or a report
        List<String> caseIds = wh.read(TableCatalog.bronze(de.integrationsmonitor.pipelines.contract.Source.CASE_EVENTS))
                .select("case_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
                .filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
        assertThat(caseIds).contains("KR-001", "KR-009", "KR-011");
        assertThat(wh.read(TableCatalog.SILVER_CASE_EVENTS).filter("case_id = 'KR-001'").count()).isEqualTo(5);
        List<String> outsideSilver = texts.stream().filter(text -> !text.startsWith("silver.")).toList();
        for (String caseId : caseIds) {
            assertThat(outsideSilver).as("Fall-ID %s", caseId).noneMatch(text -> text.contains(caseId));
        }
    }

    /**
     * P1's cases by hand (as TestTimeToEvent): eight with a Zuzug up to 31.10.2026; Kursbeginn on days 20, 20, 20 (a tie),
     * 56 and 75, censored on days 30 (a course in November), 56 and 183 (KR-008's course before its Zuzug is quarantined,
     * so not reached). S(56) = 5/8 · 3/4: 53,125 % within 56 days; naive 4 of 5. KR-009 has no Zuzug, KR-010 arrives in
     * November. P2 has one case: protected, no estimate shown.
     */
    @Test
    void timeToEventFromCaseMilestones() throws IOException {
        Result waits = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT project_id, cases, events, censored, share_within_limit, median_days, naive_share_within_limit, limit_days "
                        + "FROM gold.time_to_event WHERE milestone = 'kursbeginn' AND cohort = 'gesamt' ORDER BY project_id");
        assertThat(waits.exitCode()).as(waits.err()).isZero();
        assertThat(waits.out()).isEqualTo("project_id,cases,events,censored,share_within_limit,median_days,naive_share_within_limit,limit_days\n"
                + "P1,8,5,3,0.53125,56,0.8,56\n"
                + "P2,1,0,1,0.0,,,56\n");
        Result cases = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT * FROM gold.time_to_event_cases ORDER BY project_id");
        assertThat(cases.out()).isEqualTo("project_id,cases_delivered,cases_without_start,cases_outside_follow_up,cases_counted,follow_up_end\n"
                + "P1,10,1,1,8,2026-10-31\n"
                + "P2,1,0,0,1,2026-10-31\n");
        String runId = runOutput.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
        assertThat(rows(new Warehouse(spark, warehouse.toString()).read(TableCatalog.OPS_RUN_LOG).filter("run_id = '" + runId + "'"),
                "message")).containsExactly(row("Fallverläufe: 2 Projekte, 9 Fälle, ohne Zuzug (nicht gezählt): P1 1 (gold.time_to_event)"));
        Path pdf = out.resolve("modellprojekte/modellprojekt_evaluation_einwanderung-gestalten-nrw_2026-10.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Von 8 Fällen mit Zuzug bis 31.10.2026 haben 5 einen Kursbeginn; 3 warten noch")
                    .contains("Anteil mit Kursbeginn innerhalb von 56 Tagen nach Zuzug (Kaplan–Meier): 53,1 %")
                    .contains("Nur abgeschlossene Wartezeiten gezählt (naiver Anteil): 80,0 %.")
                    .contains("Ohne Zuzug (nicht gezählt): • Fälle.")
                    // tte.indicators names IND-01 by default; the fixture's indicator is I1: no comparison (TestEvaluationReport has one)
                    .doesNotContain("aus den Falldaten berechnet").doesNotContain("Zielstatus der Schätzung")
                    .contains("• Fälle mit Zuzug bis 31.10.2026: zu wenige für eine Schätzung");
        }
    }

    @Test
    void personalDataStaysInBronze() {
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        assertThat(wh.read(TableCatalog.SILVER_OFFERS).columns()).doesNotContain("contact_person", "phone", "email");
        assertThat(rows(wh.read(TableCatalog.bronze(de.integrationsmonitor.pipelines.contract.Source.OFFERS))
                .filter("offer_id = 'O4'"), "email")).containsExactly(row("o.yilmaz@example.org"));
    }

    @Test
    void sqlPrintsCsvOfTheMart() {
        Result result = imon("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT month, org_unit_id, participants FROM gold.kpi_monthly WHERE org_unit_id = '05562' ORDER BY month");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("month,org_unit_id,participants\n2026-09,05562,10\n2026-10,05562,40\n");
    }

    @Test
    void sqlRefusesWritesWithoutAllowWriteAndExplainsUnknownTables() {
        Result write = imon("sql", "--warehouse", warehouse.toString(), "DROP TABLE gold.kpi_monthly");
        assertThat(write.exitCode()).isEqualTo(ErrorCategory.QUERY.exitCode());
        assertThat(write.err()).contains("--allow-write").doesNotContain("Exception");

        Result unknown = imon("sql", "--warehouse", warehouse.toString(), "SELECT * FROM gold.nothing_here");
        assertThat(unknown.exitCode()).isEqualTo(ErrorCategory.QUERY.exitCode());
        assertThat(unknown.err()).startsWith("Fehler: SQL-Fehler").doesNotContain("\tat ");
    }

    @Test
    void everyNotebookRunsAgainstTheFixtureWarehouse() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(PROJECT.resolve("notebooks-sql"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(notebooks).hasSizeGreaterThanOrEqualTo(3);
        for (Path notebook : notebooks) {
            Result result = imon("sql", "--warehouse", warehouse.toString(), "--file", notebook.toString());
            assertThat(result.exitCode()).as(notebook + ": " + result.err()).isZero();
            assertThat(result.out()).as(notebook.toString()).doesNotContain("(0 Zeilen)");
        }
        Result quarantine = imon("sql", "--warehouse", warehouse.toString(), "--file",
                PROJECT.resolve("notebooks-sql/quarantaene_nach_grund.sql").toString());
        assertThat(quarantine.out()).contains("unknown_offer").contains("participation/teilnahmen_2026-10.csv");
    }

    /**
     * Idempotency: rerunning the same month with the same files gives identical bronze, silver and gold content,
     * and reports that differ only in the run id, the creation time and the Delta versions they name.
     */
    @Test
    void rerunWithSameFilesChangesNothingInBronzeAndLeavesSilverGoldAndReportsIdentical() throws IOException {
        Warehouse before = new Warehouse(spark, warehouse.toString());
        java.util.Map<String, List<String>> contentBefore = dataTables(before);
        Result again = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--out", temp.resolve("out2").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("13 Dateien: 0 neu oder geändert (0 Zeilen), 13 unverändert")
                .contains("nichts Neues seit Lauf").doesNotContain("] Silber").doesNotContain("] Gold").doesNotContain("] Prüfungen")
                .contains("] Berichte"); // out2 has no reports yet: rendered from gold
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        assertThat(wh.read(TableCatalog.bronze(de.integrationsmonitor.pipelines.contract.Source.PARTICIPATION)).count()).isEqualTo(10);
        assertThat(dataTables(wh)).isEqualTo(contentBefore);

        java.util.Map<String, String> reports = reportTexts(out);
        assertThat(reports).hasSize(24);
        assertThat(reportTexts(temp.resolve("out2"))).isEqualTo(reports);
        assertThat(String.join("\n", reports.values())).contains("Lauf <Lauf-ID>").contains("erstellt am <Zeitpunkt>");

        // nothing new and this month's reports already there: the run ends before Spark starts
        Result third = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--out", temp.resolve("out2").toString());
        assertThat(third.exitCode()).as(third.err()).isZero();
        assertThat(third.out()).contains("Nichts Neues seit Lauf").contains("Fertig ohne Spark").doesNotContain("] Bronze");
        assertThat(dataTables(new Warehouse(spark, warehouse.toString()))).isEqualTo(contentBefore);
    }

    /**
     * Every bronze, silver and gold table except the run logs, as sorted text rows per table, without the columns
     * that name the run which wrote a row (bronze lineage {@code _run_id}, {@code _ingested_at}; quarantine
     * {@code run_id}): bookkeeping, not content.
     */
    static java.util.Map<String, List<String>> dataTables(Warehouse wh) {
        List<de.integrationsmonitor.pipelines.contract.TableDef> logs = List.of(TableCatalog.OPS_RUN_LOG, TableCatalog.OPS_FILE_LOG,
                TableCatalog.OPS_RUN_TABLES, TableCatalog.OPS_DQ_RESULTS);
        java.util.Map<String, List<String>> content = new java.util.TreeMap<>();
        for (var table : TableCatalog.all()) {
            if (!logs.contains(table) && wh.exists(table)) {
                content.put(table.qualifiedName(), wh.read(table).drop("_run_id", "_ingested_at", "run_id").collectAsList().stream()
                        .map(Object::toString).sorted().toList());
            }
        }
        assertThat(content).hasSizeGreaterThan(25);
        return content;
    }

    /**
     * Path (relative to {@code folder}, e.g. "bielefeld/monatsbericht_2026-10.pdf") to text of every report in the folder
     * and its area folders (PDF text, XLSX cells), with the run details masked.
     */
    static java.util.Map<String, String> reportTexts(Path folder) throws IOException {
        java.util.Map<String, String> texts = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(folder, 2)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                texts.put(folder.relativize(file).toString(), withoutRunDetails(reportText(file)));
            }
        }
        return texts;
    }

    /** The text of a PDF (PDFBox) or the cells of every sheet of an XLSX, one row a line. */
    static String reportText(Path file) throws IOException {
        if (file.toString().endsWith(".pdf")) {
            try (PDDocument document = Loader.loadPDF(file.toFile())) {
                return new PDFTextStripper().getText(document);
            }
        }
        StringBuilder text = new StringBuilder();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile())) {
            for (var sheet : workbook.getSheets().toList()) {
                text.append("[").append(sheet.getName()).append("]\n");
                for (var row : sheet.read()) {
                    row.stream().forEach(cell -> text.append(cell == null ? "" : cell.getText()).append('\t'));
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    /** Masks what differs between two runs of the same data: the run id, the creation time and the Delta versions named. */
    static String withoutRunDetails(String text) {
        return text.replaceAll("\\s+", " ")
                .replaceAll("\\d{8}T\\d{6}Z-[0-9a-f]{4}", "<Lauf-ID>")
                .replaceAll("([Ee]rstellt(?: am)?) \\d{2}\\.\\d{2}\\.\\d{4},? \\d{2}:\\d{2}", "$1 <Zeitpunkt>")
                .replaceAll("\\b((?:bronze|silver|gold)\\.[a-z_]+) v\\d+", "$1 v<n>");
    }

    @Test
    void runLogNamesTheVersionsReadAndWrittenPerTable() {
        Warehouse wh = new Warehouse(spark, warehouse.toString());
        String runId = runOutput.replaceAll("(?s).*Fertig: Lauf (\\S+),.*", "$1");
        var tables = wh.read(TableCatalog.OPS_RUN_TABLES).filter("run_id = '" + runId + "'");
        assertThat(rows(tables.filter("table_name = 'gold.kpi_monthly'"), "version_read", "rows_written"))
                .containsExactly(row(1L, 14L));
        assertThat(rows(tables.filter("table_name = 'bronze.participation__events'"), "version_read", "version_written", "rows_written"))
                .containsExactly(row(1L, 1L, 10L));
        assertThat(rows(wh.read(TableCatalog.OPS_RUN_LOG).filter("run_id = '" + runId + "'"), "status", "report_month"))
                .containsExactly(row("succeeded", "2026-10"));
    }

    @Test
    void userErrorsGiveOneGermanLineAndNoStackTrace() {
        Result badMonth = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", input.toString(),
                "--warehouse", warehouse.toString(), "--out", temp.resolve("out3").toString(), "--month", "Oktober");
        assertThat(badMonth.exitCode()).isEqualTo(ErrorCategory.USAGE.exitCode());
        assertThat(badMonth.err().strip()).startsWith("Fehler: ").contains("'Oktober'").doesNotContain("\n");

        Result missingInput = imon("run", "--conf", PROJECT.resolve("conf").toString(), "--input", temp.resolve("nope").toString(),
                "--warehouse", warehouse.toString(), "--out", temp.resolve("out3").toString());
        assertThat(missingInput.exitCode()).isEqualTo(ErrorCategory.INPUT.exitCode());
        assertThat(missingInput.err()).contains("existiert nicht").doesNotContain("\tat ");
    }

    record Result(int exitCode, String out, String err) {}

    static Result imon(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Imon.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    static void copy(Path from, Path to) throws IOException {
        FixtureRun.copy(from, to);
    }
}
