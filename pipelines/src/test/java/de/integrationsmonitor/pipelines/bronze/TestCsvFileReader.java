package de.integrationsmonitor.pipelines.bronze;

import static org.assertj.core.api.Assertions.assertThat;

import de.integrationsmonitor.pipelines.config.Aliases;
import de.integrationsmonitor.pipelines.contract.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCsvFileReader {
    private static final String WORKSHOP_HEADER = "Workshop-ID;Titel;Handlungsfeld;Datum;Stadt;Tagungsort;Teilnehmende\n";

    private static DeliveredFile read(byte[] bytes) {
        return CsvFileReader.parse(bytes, "workshops/workshops.csv", Source.WORKSHOPS, Aliases.none());
    }

    private static DeliveredFile.Accepted accepted(String text) {
        DeliveredFile file = read(text.getBytes(StandardCharsets.UTF_8));
        assertThat(file).isInstanceOf(DeliveredFile.Accepted.class);
        return (DeliveredFile.Accepted) file;
    }

    @Test
    void readsRowsWithLineNumbersAndSkipsTheBom() {
        String text = "\uFEFF" + WORKSHOP_HEADER
                + "W1;Wohnen;Wohnen;10.01.2017;Haltern am See;Rathaus;31\n"
                + "\n"
                + "W2;\"Sport; Verein\";Sport;23.01.2017;Dorsten;\"Halle\nNord\";28\n"
                + "W3;Abschluss;Abschluss;2017-02-10;Kreis Recklinghausen;Kreishaus;52\n";
        DeliveredFile.Accepted file = accepted(text);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.rows()).extracting(DeliveredFile.RawRow::line).containsExactly(2, 4, 6);
        assertThat(file.rows().get(1).values()).containsExactly("W2", "Sport; Verein", "Sport", "23.01.2017", "Dorsten", "Halle\nNord", "28");
    }

    @Test
    void detectsWindows1252AndKeepsUmlauts() {
        String text = WORKSHOP_HEADER + "W1;Bürgerschaftliches Engagement;Engagement;17.11.2016;Datteln;Stadthalle;40\n";
        DeliveredFile.Accepted file = (DeliveredFile.Accepted) read(text.getBytes(Charset.forName("windows-1252")));

        assertThat(file.encoding()).isEqualTo("windows-1252");
        assertThat(file.rows().get(0).values().get(1)).isEqualTo("Bürgerschaftliches Engagement");
    }

    @Test
    void rejectsCommaSeparatedFileWithMessageNamingTheFile() {
        DeliveredFile file = read("Workshop-ID,Titel,Handlungsfeld,Datum,Stadt\nW1,Wohnen,Wohnen,10.01.2017,Marl\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(file).isInstanceOf(DeliveredFile.Rejected.class);
        DeliveredFile.Rejected rejected = (DeliveredFile.Rejected) file;
        assertThat(rejected.reason()).isEqualTo("wrong_separator");
        assertThat(rejected.message()).contains("workshops/workshops.csv").contains("';'");
    }

    @Test
    void rejectsFileWithoutRequiredColumn() {
        DeliveredFile file = read("Workshop-ID;Titel;Datum;Stadt\nW1;Wohnen;10.01.2017;Marl\n".getBytes(StandardCharsets.UTF_8));

        assertThat(((DeliveredFile.Rejected) file).reason()).isEqualTo("missing_column");
        assertThat(((DeliveredFile.Rejected) file).message()).contains("Handlungsfeld");
    }

    @Test
    void matchesHeadersIgnoringCaseAndKeepsUnknownColumns() {
        DeliveredFile.Accepted file = accepted(" workshop-id ;TITEL;handlungsfeld;Datum;Stadt;Moderation\nW1;Wohnen;Wohnen;10.01.2017;Marl;Frau A\n");

        assertThat(file.extraColumns()).containsExactly("Moderation");
        DeliveredFile.RawRow row = file.rows().get(0);
        assertThat(row.values()).containsExactly("W1", "Wohnen", "Wohnen", "10.01.2017", "Marl", null, null);
        assertThat(row.extras()).isEqualTo(Map.of("Moderation", "Frau A"));
    }

    @Test
    void usesHeaderAliasesFromConf() {
        Aliases aliases = new Aliases(Map.of(), Map.of("workshops.workshop_id", List.of("Workshop-Nr")));
        DeliveredFile file = CsvFileReader.parse((WORKSHOP_HEADER.replace("Workshop-ID", "Workshop-Nr") + "W9;T;H;01.01.2026;Marl;;\n")
                .getBytes(StandardCharsets.UTF_8), "workshops/workshops.csv", Source.WORKSHOPS, aliases);

        assertThat(((DeliveredFile.Accepted) file).rows().get(0).values().get(0)).isEqualTo("W9");
    }

    @Test
    void marksRowsWithWrongFieldCount() {
        DeliveredFile.Accepted file = accepted(WORKSHOP_HEADER + "W1;Wohnen;Wohnen\nW2;Sport;Sport;23.01.2017;Dorsten;Halle;28;\n");

        assertThat(file.rows().get(0).extras()).containsEntry(CsvFileReader.FIELD_COUNT_KEY, "3/7");
        assertThat(file.rows().get(1).extras()).doesNotContainKey(CsvFileReader.FIELD_COUNT_KEY);
    }

    @Test
    void rejectsEmptyAndBinaryFiles() {
        assertThat(((DeliveredFile.Rejected) read(new byte[0])).reason()).isEqualTo("empty_file");
        assertThat(((DeliveredFile.Rejected) read("W\0;x\n".getBytes(StandardCharsets.UTF_8))).reason()).isEqualTo("binary_content");
    }
}
