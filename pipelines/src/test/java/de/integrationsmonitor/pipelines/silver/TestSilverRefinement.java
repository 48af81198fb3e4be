package de.integrationsmonitor.pipelines.silver;

import static de.integrationsmonitor.pipelines.testing.Rows.row;
import static de.integrationsmonitor.pipelines.testing.Rows.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.integrationsmonitor.pipelines.contract.Source;
import de.integrationsmonitor.pipelines.contract.TableCatalog;
import de.integrationsmonitor.pipelines.contract.TargetGroup;
import de.integrationsmonitor.pipelines.testing.Bronze;
import de.integrationsmonitor.pipelines.testing.Fixtures;
import de.integrationsmonitor.pipelines.testing.SparkTest;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@SparkTest
class TestSilverRefinement {
    private static final String OFFER_HEADER = "Angebots-ID;Stadt;Stadtteil;Name des Angebots;Kategorie;Sprache(n) des Angebots;"
            + "Zielgruppe - Geschlecht;Zielgruppe - Migrationshintergrund;Zielgruppe - Altersgruppe;Anbieter;Veranstaltungsort;"
            + "Adresse des Veranstaltungsorts;Ansprechpartner;Telefon;E-Mail;Homepage;Plätze;Beginn;Ende\n";

    private static SilverRefinement refinement;
    private static SilverRefinement.Refined offers;

    @BeforeAll
    static void refineOffers(SparkSession spark) {
        refinement = new SilverRefinement(spark, Fixtures.vocabularies());
        Dataset<Row> bronze = Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-10-01.csv", OFFER_HEADER
                // line 2: open to all genders/ages, two languages with an empty part, alias city
                + "RE-1;Castrup-Rauxel;Habinghorst;Sprachcafé;Begegnung | Bildung / Sprachförderung;deutsch | arabisch | ;;"
                + "keine bestimmte Zielgruppe / für alle offen;;AWO;Treff;Hauptstr. 1;Erika Muster;02305 1234;e.muster@example.org;;12;;\n"
                // line 3: women only, newcomers, no language -> de, Beginn/Ende in both date formats
                + "RE-2;Marl;;Fahrradkurs für Frauen;Sport;;weiblich;insbesondere für Neuzugewanderte;Erwachsene (27 - unter 65 Jahren);"
                + "DRK;Platz;;;;;;10,0;01.03.2026;2026-12-31\n"
                // line 4: unknown language label
                + "RE-3;Marl;;Kochtreff;Begegnung;tamilisch;;;;;;;;;;;;;\n"
                // line 5: city outside the reference
                + "RE-4;Bottrop;;Beratung;Beratung;deutsch;;;;;;;;;;;;;\n"
                // line 6: impossible date
                + "RE-5;Marl;;Hausaufgabenhilfe;Bildung / Sprachförderung;deutsch;;;;;;;;;;;;31.02.2026;\n"
                // line 7: duplicate of RE-1 in the same snapshot
                + "RE-1;Marl;;Doppelt;Begegnung;deutsch;;;;;;;;;;;;;\n"
                // line 8: missing name
                + "RE-6;Marl;;;Begegnung;deutsch;;;;;;;;;;;;;\n");
        offers = refinement.offers(bronze, Fixtures.orgUnits());
    }

    @Test
    void offersKeepValidRowsWithResolvedCityAndParsedValues() {
        Dataset<Row> silver = offers.tables().get(TableCatalog.SILVER_OFFERS);

        assertThat(rows(silver, "offer_id", "org_unit_id", "offer_name", "places", "start_date", "end_date",
                "is_open_to_all_genders", "is_open_to_all_migration", "is_open_to_all_age_groups", "source_line")).containsExactly(
                row("RE-1", "05562004", "Sprachcafé", 12, null, null, true, true, true, 2),
                row("RE-2", "05562024", "Fahrradkurs für Frauen", 10, "2026-03-01", "2026-12-31", false, false, false, 3));
        assertThat(silver.columns()).doesNotContain("contact_person", "phone", "email");
    }

    @Test
    void offersQuarantineEachBadRowWithTheFirstReason() {
        assertThat(rows(offers.rejected(), "source_line", "reason", "column_name", "value")).containsExactly(
                row(4, "unknown_label", "Sprache(n) des Angebots", "tamilisch"),
                row(5, "unknown_city", "Stadt", "Bottrop"),
                row(6, "bad_date", "Beginn", "31.02.2026"),
                row(7, "duplicate_key", "Angebots-ID", "RE-1"),
                row(8, "missing_value", "Name des Angebots", null));
    }

    @Test
    void offersExplodeMultiValuedFieldsIntoOneCodesTable() {
        Dataset<Row> codes = offers.tables().get(TableCatalog.SILVER_OFFER_CODES);
        assertThat(rows(codes, "dimension", "offer_id", "code")).containsExactly(
                row("age_group", "RE-2", "27-65"),
                row("category", "RE-1", "begegnung"), row("category", "RE-1", "bildung"), row("category", "RE-2", "sport"),
                row("gender", "RE-2", "w"),
                row("language", "RE-1", "ar"), row("language", "RE-1", "de"), row("language", "RE-2", "de"),
                row("migration", "RE-2", "neu"));
        assertThat(rows(OfferCodes.bridge(codes, TargetGroup.LANGUAGE), "offer_id", "language"))
                .containsExactly(row("RE-1", "ar"), row("RE-1", "de"), row("RE-2", "de"));
        assertThat(rows(OfferCodes.bridge(codes, "category"), "offer_id", "category"))
                .containsExactly(row("RE-1", "begegnung"), row("RE-1", "bildung"), row("RE-2", "sport"));
        assertThat(OfferCodes.bridges(codes).keySet()).containsExactly("category", "language", "age_group", "gender", "migration");
        assertThatThrownBy(() -> OfferCodes.bridge(codes, "religion")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("religion");
    }

    @Test
    void eventsAreValidatedAndAttributedToTheOffersGemeinde(SparkSession spark) {
        Dataset<Row> bronze = Bronze.frame(spark, Source.PARTICIPATION, "participation/teilnahmen_2026-10.csv",
                "Angebots-ID;Datum;Teilnehmende;davon weiblich;davon männlich;davon divers;davon neuzugewandert;Programm;Stadt\n"
                        + "RE-1;05.10.2026;12,0;7;5;0;3;;\n"                       // 2 ok, decimal comma accepted
                        + ";2026-10-07;20;;;;;KOMM-AN NRW;Kreis Recklinghausen\n"   // 3 ok, Kreis-level event
                        + "RE-99;2026-10-08;5;;;;;;\n"                             // 4 unknown offer
                        + "RE-2;2026-10-09;-3;;;;;;\n"                             // 5 negative count
                        + "RE-2;2026-10-10;10;6;6;;;;\n"                           // 6 davon exceeds total
                        + ";2026-10-11;8;;;;;KOMM-AN NRW;\n"                       // 7 program without city
                        + "RE-2;2026-10-12;zwölf;;;;;;\n"                          // 8 not a number
                        + "RE-2;31.02.2026;4;;;;;;\n"                              // 9 impossible date
                        + ";2026-10-13;8;;;;;KOMM-AN NRW;Gotham\n");               // 10 unknown city
        SilverRefinement.Refined events = refinement.events(bronze, offers.tables().get(TableCatalog.SILVER_OFFERS), Fixtures.orgUnits());

        assertThat(rows(events.tables().get(TableCatalog.SILVER_EVENTS), "source_line", "event_date", "offer_id", "org_unit_id",
                "participants", "participants_female", "participants_newcomers")).containsExactly(
                row(2, "2026-10-05", "RE-1", "05562004", 12L, 7L, 3L),
                row(3, "2026-10-07", null, "05562", 20L, null, null));
        assertThat(rows(events.rejected(), "source_line", "reason", "value")).containsExactly(
                row(4, "unknown_offer", "RE-99"),
                row(5, "negative_count", "-3"),
                row(6, "davon_exceeds_total", "12"),
                row(7, "missing_program_or_city", "KOMM-AN NRW"),
                row(8, "bad_number", "zwölf"),
                row(9, "bad_date", "31.02.2026"),
                row(10, "unknown_city", "Gotham"));
    }

    @Test
    void eventsTakeTheGemeindeOfTheLatestSnapshotOnOrBeforeTheirDate(SparkSession spark) {
        // RE-7 lies in Marl (January, March), Castrop-Rauxel (May), Marl again (July); RE-8 stays in Marl
        String offer = ";Begegnung;deutsch;;;;;;;;;;;;;\n";
        Dataset<Row> snapshots = Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-01-01.csv",
                        OFFER_HEADER + "RE-7;Marl;;Treff" + offer + "RE-8;Marl;;Café" + offer)
                .unionByName(Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-03-01.csv", OFFER_HEADER + "RE-7;Marl;;Treff" + offer))
                .unionByName(Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-05-01.csv",
                        OFFER_HEADER + "RE-7;Castrop-Rauxel;;Treff" + offer))
                .unionByName(Bronze.frame(spark, Source.OFFERS, "offers/angebote_2026-07-01.csv",
                        OFFER_HEADER + "RE-7;Marl;;Treff" + offer + "RE-8;Marl;;Café" + offer));
        Dataset<Row> silverOffers = refinement.offers(snapshots, Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_OFFERS);
        Dataset<Row> bronze = Bronze.frame(spark, Source.PARTICIPATION, "participation/teilnahmen_2026-10.csv",
                "Angebots-ID;Datum;Teilnehmende\n"
                        + "RE-7;2025-12-15;1\n"   // 2 before the first snapshot: the first snapshot's Marl
                        + "RE-7;2026-04-30;2\n"   // 3 March snapshot: Marl
                        + "RE-7;2026-05-01;3\n"   // 4 the May snapshot's own day: Castrop-Rauxel
                        + "RE-7;2026-06-30;4\n"   // 5 still May's: Castrop-Rauxel
                        + "RE-7;2026-10-01;5\n"   // 6 July's: Marl again
                        + "RE-8;2026-05-15;6\n"); // 7 absent from May's snapshot: January's Marl

        Dataset<Row> events = refinement.events(bronze, silverOffers, Fixtures.orgUnits()).tables().get(TableCatalog.SILVER_EVENTS);

        assertThat(rows(events, "source_line", "offer_id", "org_unit_id")).containsExactly(
                row(2, "RE-7", "05562024"), row(3, "RE-7", "05562024"), row(4, "RE-7", "05562004"),
                row(5, "RE-7", "05562004"), row(6, "RE-7", "05562024"), row(7, "RE-8", "05562024"));
        assertThat(rows(ParticipationRefinement.offerPlacePeriods(silverOffers).orderBy("_place_offer_id", "_place_from"),
                "_place_offer_id", "_place_from", "_place_until", "_place_first", "_offer_org_unit_id")).containsExactly(
                row("RE-7", "2026-01-01", "2026-05-01", true, "05562024"),
                row("RE-7", "2026-05-01", "2026-07-01", false, "05562004"),
                row("RE-7", "2026-07-01", null, false, "05562024"),
                row("RE-8", "2026-01-01", null, true, "05562024"));
    }

    @Test
    void demandNormalisesLabelsAndKeepsTheFirstOfADuplicateKey(SparkSession spark) {
        Dataset<Row> bronze = Bronze.frame(spark, Source.DEMAND, "reference/demand.csv",
                "org_unit_id;dimension;value;persons\n"
                        + "05562024;language;Arabisch;640\n"
                        + "05562024;language;ar;10\n"
                        + "05562024;age_group;Senioren (ab 65 Jahren);1200\n"
                        + "05562024;gender;weiblich;0\n"
                        + "05562024;religion;muslimisch;50\n"
                        + "99999999;language;türkisch;50\n");
        SilverRefinement.Refined demand = refinement.demand(bronze, Fixtures.orgUnits());

        assertThat(rows(demand.tables().get(TableCatalog.SILVER_DEMAND), "org_unit_id", "dimension", "value", "persons")).containsExactly(
                row("05562024", "age_group", "65+", 1200L),
                row("05562024", "gender", "w", 0L),
                row("05562024", "language", "ar", 640L));
        assertThat(rows(demand.rejected(), "source_line", "reason")).containsExactly(
                row(3, "duplicate_key"), row(6, "unknown_label"), row(7, "unknown_org_unit"));
    }

    @Test
    void orgUnitsGetTheirKreisAndRegierungsbezirk(SparkSession spark) {
        Dataset<Row> bronze = Bronze.frame(spark, Source.ORG_UNITS, "reference/org_units.csv",
                "org_unit_id;name;level;parent_id;population;population_foreign;newcomers_12m\n"
                        + "05;Nordrhein-Westfalen;land;;18000000;;\n"
                        + "055;Münster;regierungsbezirk;05;2600000;;\n"
                        + "05562;Kreis Recklinghausen;kreis;055;615000;;\n"
                        + "05562024;Marl;gemeinde;05562;85000;12000;900\n"
                        + "05562024-huels;Hüls;stadtteil;05562024;;;\n"
                        + "05562999;Nirgendwo;gemeinde;05999;100;;\n"
                        + "05562998;Irgendwo;dorf;05562;100;;\n");
        SilverRefinement.Refined units = refinement.orgUnits(bronze);

        assertThat(rows(units.tables().get(TableCatalog.SILVER_ORG_UNITS), "org_unit_id", "level", "kreis_id", "regierungsbezirk_id"))
                .containsExactly(
                        row("05", "land", null, null),
                        row("055", "regierungsbezirk", null, "055"),
                        row("05562", "kreis", "05562", "055"),
                        row("05562024", "gemeinde", "05562", "055"),
                        row("05562024-huels", "stadtteil", "05562", "055"));
        assertThat(rows(units.rejected(), "source_line", "reason", "value")).containsExactly(
                row(7, "unknown_org_unit", "05999"), row(8, "unknown_label", "dorf"));
    }

    @Test
    void orgUnitCentresAreKeptWhereUsableAndAnUnusableOneIsAFindingNotARejection(SparkSession spark) {
        Dataset<Row> bronze = Bronze.frame(spark, Source.ORG_UNITS, "reference/org_units.csv",
                "org_unit_id;name;level;parent_id;population;population_foreign;newcomers_12m;LAT;lon\n"
                        + "05;Nordrhein-Westfalen;land;;18000000;;;;\n"
                        + "05562;Kreis Recklinghausen;kreis;055;615000;;;;\n"
                        + "05562024;Marl;gemeinde;05562;85000;12000;900;51,656;7,090\n"
                        + "05562032;Recklinghausen;gemeinde;05562;111000;;;51.614;7.197\n"
                        + "05562004;Castrop-Rauxel;gemeinde;05562;73000;;;-90;180\n"
                        + "05562008;Datteln;gemeinde;05562;35000;;;51.65;nord\n"
                        + "05562012;Dorsten;gemeinde;05562;75000;;;91;6.965\n"
                        + "05562014;Gladbeck;gemeinde;05562;76000;;;51.572;\n");
        SilverRefinement.Refined units = refinement.orgUnits(bronze);

        // no row is rejected for its centre: only the Kreis, whose parent 055 is missing here
        assertThat(rows(units.rejected(), "source_line", "reason")).containsExactly(row(3, "unknown_org_unit"));
        assertThat(rows(units.tables().get(TableCatalog.SILVER_ORG_UNITS).filter("level = 'gemeinde'"),
                "org_unit_id", "lat", "lon", "coordinate_issue")).containsExactly(
                row("05562004", -90.0, 180.0, null),                                      // bounds inclusive
                row("05562008", null, null, "lon 'nord' ist keine Zahl zwischen -180 und 180"),
                row("05562012", null, null, "lat '91' ist keine Zahl zwischen -90 und 90"),
                row("05562014", null, null, "lon fehlt (lat=51.572, lon=leer)"),
                row("05562024", 51.656, 7.09, null),                                      // decimal comma
                row("05562032", 51.614, 7.197, null));
    }

    @Test
    void boundariesKeepAPolygonPerKnownUnitAndQuarantineTheRest(SparkSession spark) {
        String square = "{\"type\": \"Polygon\", \"coordinates\": [[[7.0, 51.6], [7.1, 51.6], [7.1, 51.7], [7.0, 51.7], [7.0, 51.6]]]}";
        // a bow tie crosses itself: invalid, repaired into two triangles
        String bowTie = "{\"type\": \"Polygon\", \"coordinates\": [[[6.9, 50.9], [7.0, 51.0], [7.0, 50.9], [6.9, 51.0], [6.9, 50.9]]]}";
        Dataset<Row> bronze = Bronze.boundaries(spark, "{\"type\": \"FeatureCollection\", \"features\": [\n"
                + "{\"type\": \"Feature\", \"properties\": {\"AGS\": \"05562024\"}, \"geometry\": " + square + "},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"AGS\": \"05999999\"}, \"geometry\": " + square + "},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"GEN\": \"Castrop-Rauxel\"}, \"geometry\": " + square + "},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"AGS\": \"05562004\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [7, 51]}},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"org_unit_id\": \"05315000\"}, \"geometry\": " + bowTie + "},\n"
                + "{\"type\": \"Feature\", \"properties\": {\"AGS\": \"05562024\"}, \"geometry\": " + square + "}\n"
                + "]}");
        SilverRefinement.Refined shapes = refinement.boundaries(bronze, Fixtures.orgUnits());

        assertThat(rows(shapes.tables().get(TableCatalog.SILVER_BOUNDARIES), "org_unit_id", "source_line",
                "substring(geometry_wkt, 1, 12)")).containsExactly(
                row("05315000", 6, "MULTIPOLYGON"),
                row("05562024", 2, "POLYGON ((7 "));
        assertThat(rows(shapes.rejected(), "source_line", "reason", "value")).containsExactly(
                row(3, "unknown_org_unit", "05999999"),
                row(4, "missing_value", null),
                row(5, "bad_geometry", "{\"type\":\"Point\",\"coordinates\":[7,51]}"),
                row(7, "duplicate_key", "05562024"));
    }

    @Test
    void everyFixtureRowEndsUpInExactlyOnePlace() {
        long accepted = offers.tables().get(TableCatalog.SILVER_OFFERS).count();
        long rejected = offers.rejected().count();
        assertThat(accepted + rejected).isEqualTo(7);
        assertThat(Arrays.asList(offers.tables().get(TableCatalog.SILVER_OFFERS).columns()))
                .containsExactlyElementsOf(Arrays.stream(TableCatalog.SILVER_OFFERS.schema().fieldNames()).toList());
    }

    /**
     * Case milestones: the contract's reasons in order, the key (Fall-ID, Projekt-ID, Ereignis) and, after every other
     * reason, a milestone before its case's Zuzug (event_before_start). No quarantine value is a Fall-ID.
     */
    @Test
    void caseEventsCheckLabelsProjectsDuplicatesAndMilestonesBeforeZuzug(SparkSession spark) {
        Dataset<Row> projects = spark.createDataFrame(java.util.List.of(org.apache.spark.sql.RowFactory.create("EGN-10",
                "Einwanderung gestalten NRW", "05566076", "Spracherwerb", null, java.sql.Date.valueOf("2024-01-01"), null, "p.csv", 2)),
                TableCatalog.SILVER_PROJECTS.schema());
        Dataset<Row> bronze = Bronze.frame(spark, Source.CASE_EVENTS, "model-projects/case_events.csv", "Fall-ID;Projekt-ID;Ereignis;Datum\n"
                + "RH-1;EGN-10;Zuzug;2026-03-02\n"          // 2
                + "RH-1;EGN-10; kursbeginn ;27.04.2026\n"   // 3: label with other case and spaces, German date
                + "RH-1;EGN-10;Kursbeginn;2026-05-04\n"     // 4: duplicate_key
                + "RH-2;EGN-10;Zuzug;2026-04-01\n"          // 5
                + "RH-2;EGN-10;Erstberatung;2026-03-30\n"   // 6: before Zuzug
                + "RH-2;EGN-10;Sprachkurs;2026-04-20\n"     // 7: unknown_label
                + "RH-3;EGN-99;Zuzug;2026-04-01\n"          // 8: unknown_project
                + ";EGN-10;Zuzug;2026-04-01\n"              // 9: missing_value
                + "RH-4;EGN-10;Zuzug;31.09.2025\n"          // 10: bad_date
                + "RH-4;EGN-10;Erstberatung;2025-01-02\n"); // 11: no valid Zuzug, so not before it: kept
        SilverRefinement.Refined refined = refinement.caseEvents(bronze, projects);

        assertThat(rows(refined.tables().get(TableCatalog.SILVER_CASE_EVENTS), "source_line", "case_id", "project_id", "milestone",
                "event_date")).containsExactly(
                row(2, "RH-1", "EGN-10", "zuzug", "2026-03-02"),
                row(3, "RH-1", "EGN-10", "kursbeginn", "2026-04-27"),
                row(5, "RH-2", "EGN-10", "zuzug", "2026-04-01"),
                row(11, "RH-4", "EGN-10", "erstberatung", "2025-01-02"));
        assertThat(rows(refined.rejected(), "source_line", "reason", "column_name", "value")).containsExactly(
                row(4, "duplicate_key", "Ereignis", "Kursbeginn"),
                row(6, "event_before_start", "Datum", "2026-03-30"),
                row(7, "unknown_label", "Ereignis", "Sprachkurs"),
                row(8, "unknown_project", "Projekt-ID", "EGN-99"),
                row(9, "missing_value", "Fall-ID", null),
                row(10, "bad_date", "Datum", "31.09.2025"));
    }
}
