package io.renlayer.admin.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void fieldsAreTabSeparatedWithCopyEscapesAndNullAsBackslashN() {
        CopyText rows = new CopyText();
        rows.first("plain");
        rows.field(null);
        rows.field("tab\there\nnew line\r\\ back");
        rows.field(42);
        rows.endRow();

        assertEquals("plain\t\\N\ttab\\there\\nnew line\\r\\\\ back\t42\n", text(rows));
    }

    @Test
    void multiByteCharactersPassAsUtf8AndLongValuesGrowTheBuffer() {
        String value = "é€😀\t".repeat(20_000); // past the initial buffer, escapes throughout
        CopyText rows = new CopyText();
        rows.first(value);
        rows.endRow();

        assertEquals(value.replace("\t", "\\t") + "\n", text(rows));
    }

    @Test
    void anUnpairedSurrogateBecomesAQuestionMarkAsGetBytesWritesIt() {
        String value = "lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00, split \uD83D";
        CopyText rows = new CopyText();
        rows.first(value);
        rows.field("after\t");
        rows.endRow();

        assertEquals(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8) + "\tafter\\t\n", text(rows));
    }

    @Test
    void valuesOfEveryLengthFollowingOneAnotherAreEncodedWhole() {
        CopyText rows = new CopyText();
        StringBuilder expected = new StringBuilder();
        for (int n = 0; n < 200_000; n = 2 * n + 7) { // crosses the char buffer's and the byte buffer's size
            String value = "ü\\".repeat(n / 2) + "a".repeat(n % 3);
            rows.field(value);
            expected.append('\t').append(value.replace("\\", "\\\\"));
        }
        rows.endRow();

        assertEquals(expected + "\n", text(rows));
    }

    @Test
    void aResetBufferStartsEmptyAndKeepsWorkingAfterAVeryLargeRow() {
        CopyText rows = new CopyText();
        rows.first("x".repeat(1 << 20)); // grows the buffer well past its usual size
        rows.endRow();
        rows.reset();
        rows.first("next");
        rows.field(null);
        rows.endRow();

        assertEquals("next\t\\N\n", text(rows));
    }

    @Test
    void aLongValueIsEscapedWhereverItsOnlyEscapeFalls() {
        String prose = "the workers drain the queue in order ".repeat(1_000);
        for (String value : new String[] {prose, prose + "\\", "\r" + prose, prose + "\t" + prose, "é" + prose + "\n"}) {
            CopyText rows = new CopyText();
            rows.first(value);
            rows.endRow();

            String escaped = value.replace("\\", "\\\\").replace("\r", "\\r").replace("\t", "\\t").replace("\n", "\\n");
            assertEquals(escaped + "\n", text(rows));
        }
    }

    private static String text(CopyText rows) {
        return new String(rows.pending(), StandardCharsets.UTF_8);
    }
}
