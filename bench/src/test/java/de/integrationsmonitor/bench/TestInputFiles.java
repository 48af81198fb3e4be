package de.integrationsmonitor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestInputFiles {

    @Test
    void theByteScanAcceptsWhatAStrictUtf8DecoderAccepts() {
        Random random = new Random(20261205);
        byte[][] samples = {
                "Castrop-Rauxel;Köln;Sprache nicht festgelegt".getBytes(StandardCharsets.UTF_8),
                "Köln".getBytes(StandardCharsets.ISO_8859_1), // Windows-1252 ö
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'}, // BOM
                {(byte) 0xC0, (byte) 0x80}, // overlong NUL
                {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, // overlong
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, // emoji
                {'a', (byte) 0xC3}, // cut off
        };
        for (byte[] sample : samples) {
            assertThat(InputFiles.scan(sample) == InputFiles.Bytes.UTF8).as(new String(sample, StandardCharsets.ISO_8859_1))
                    .isEqualTo(strictlyUtf8(sample));
        }
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(8)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (0x80 + random.nextInt(0x80)); // non-ASCII only: every lead and continuation byte
            }
            assertThat(InputFiles.scan(bytes) == InputFiles.Bytes.UTF8).isEqualTo(strictlyUtf8(bytes));
        }
        assertThat(InputFiles.scan(new byte[] {'a', 0, 'b'})).isEqualTo(InputFiles.Bytes.NUL);
        assertThat(InputFiles.scan(new byte[] {(byte) 0xFF, 'a', 0})).isEqualTo(InputFiles.Bytes.NUL);
    }

    private static boolean strictlyUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void aStatementIsLabelledWithTheTableItCreates() {
        assertThat(DuckDbBaseline.label("CREATE TABLE offers AS\nSELECT 1;")).isEqualTo("offers");
        assertThat(DuckDbBaseline.label("CREATE MACRO txt(x) AS nullif(trim(x), '');")).isEqualTo("macro txt");
        assertThat(DuckDbBaseline.label("SET threads = 2;")).isEqualTo("SET threads = 2;");
    }
}
