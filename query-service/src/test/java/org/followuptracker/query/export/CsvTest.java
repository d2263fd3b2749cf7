package org.followuptracker.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreNeutralised() {
        assertThat(Csv.cell("=1+2")).isEqualTo("\"'=1+2\"");
        assertThat(Csv.cell("+cmd|' /C calc'!A0")).isEqualTo("\"'+cmd|' /C calc'!A0\"");
        assertThat(Csv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.cell("@SUM(A1:A2)")).isEqualTo("\"'@SUM(A1:A2)\"");
        assertThat(Csv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.cell("A = B")).isEqualTo("\"A = B\"");
        // Quoted, a separator cannot start a new cell, whichever one a spreadsheet's locale uses.
        assertThat(Csv.cell("x;=HYPERLINK(\"http://x\")")).isEqualTo("\"x;=HYPERLINK(\"\"http://x\"\")\"");
        // Each item of a list on its own.
        assertThat(Csv.cell(List.of("France", "=1+2"))).isEqualTo("\"France; '=1+2\"");
        // Numbers are values, not text: a negative number stays a number.
        assertThat(Csv.cell(-5)).isEqualTo("-5");
    }

    @Test
    void quotesCommasAndLineBreaksAreQuotedAndQuotesDoubled() {
        assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell(List.of("France", "Spain"))).isEqualTo("\"France; Spain\"");
        assertThat(Csv.cell(true)).isEqualTo("true");
    }

    @Test
    void aFileIsUtf8WithAByteOrderMarkAndCrlfLineEnds() {
        byte[] file = Csv.write(List.of("country", "text"), List.of(Arrays.asList("KAZ", "Ratify OP-CAT — «now»"),
                Arrays.asList("KGZ", null)));
        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFcountry,text\r\n\"KAZ\",\"Ratify OP-CAT — «now»\"\r\n\"KGZ\",\r\n");
        assertThat(file[0]).isEqualTo((byte) 0xEF);
    }
}
