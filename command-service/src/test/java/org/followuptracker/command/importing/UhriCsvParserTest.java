package org.followuptracker.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.followuptracker.events.Position;
import org.followuptracker.events.UnSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code importing/uhri-sample.csv} is hand-made in the shape of a UHRI export saved as CSV from Excel: UTF-8 with a
 * byte order mark, CRLF line ends, the UN's column headers plus one the parser does not use. Its texts are made up;
 * the symbols only have the shape of real ones.
 */
class UhriCsvParserTest {

    private static final String HEADER = "Text,Countries Concerned,Document Symbol,OHCHR Annotation Id,UPR Position,"
            + "Document Publication Date,UPR Reccomending States\n";

    private static UhriFile sample;

    @BeforeAll
    static void readSample() throws IOException {
        try (InputStream in = UhriCsvParserTest.class.getResourceAsStream("/importing/uhri-sample.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            sample = UhriCsvParser.parse(reader);
        }
    }

    @Test
    void theSampleYieldsItsGoodRowsWhereTheyStart() {
        assertThat(sample.rows()).extracting(UhriRow::lineNumber).containsExactly(2, 5, 8, 10, 11, 14, 20);
    }

    @Test
    void theSampleRejectsItsBadRowsWithTheirLinesAndReasons() {
        assertThat(sample.rejected()).containsExactly(
                new RejectedRow(15, "country not in the UN names table: 'Atlantis'"),
                new RejectedRow(17, "the Text is empty"),
                new RejectedRow(18,
                        "OHCHR Annotation Id '5f0c9d2e-1a7b-4c3e-9f10-000000000001' already appears on line 2"),
                new RejectedRow(19, "Document Publication Date '23/03/2010' is not an Excel day number"));
    }

    @Test
    void aUprRowKeepsEveryField() {
        assertThat(row(2)).isEqualTo(new UhriRow(
                2,
                "5f0c9d2e-1a7b-4c3e-9f10-000000000001",
                "Set up an independent national preventive mechanism and give it the staff and money it needs",
                List.of("KAZ"),
                "UPR",
                "A/HRC/14/10",
                null,
                List.of("Torture and other cruel, inhuman or degrading treatment", "Conditions of detention"),
                List.of("Persons deprived of their liberty"),
                List.of("16.3 - Promote the rule of law and ensure equal access to justice"),
                LocalDate.of(2010, 3, 23),
                List.of("France", "Ireland"),
                Position.SUPPORTED,
                "Recommendation",
                "7th session"));
        assertThat(row(2).unSource()).isEqualTo(new UnSource("A/HRC/14/10", null, List.of("France", "Ireland")));
    }

    @Test
    void aTreatyBodyRowKeepsItsTextOverSeveralLinesAndHasNoUprFields() {
        UhriRow cat = row(5);
        assertThat(cat.text()).isEqualTo("""
                The Committee recommends that the State party:
                (a) Make torture a crime under its own article of the criminal code;
                (b) Punish it with penalties that match its gravity.""");
        assertThat(cat.recommendingBody()).isEqualTo("CAT");
        assertThat(cat.documentSymbol()).isEqualTo("CAT/C/KAZ/CO/2");
        assertThat(cat.publishedOn()).isEqualTo(LocalDate.of(2008, 12, 12));
        assertThat(cat.sdgs()).isEmpty();
        assertThat(cat.uprRecommendingStates()).isEmpty();
        assertThat(cat.uprPosition()).isNull();
        assertThat(cat.uprSession()).isNull();
    }

    @Test
    void countriesAreMappedToIso3IncludingSeveralInOneCellAndNamesWithoutTheirDash() {
        assertThat(sample.rows()).extracting(UhriRow::lineNumber, UhriRow::countries).containsExactly(
                tuple(2, List.of("KAZ")),
                tuple(5, List.of("KAZ")),
                tuple(8, List.of("KAZ")),
                tuple(10, List.of("LAO")), // "Lao People’s Democratic Republic", typographic apostrophe
                tuple(11, List.of("KAZ", "KGZ", "TJK")),
                tuple(14, List.of("TUR")), // "Türkiye"
                tuple(20, List.of("VNM"))); // "Viet Nam"
    }

    @Test
    void positionsAndRecommendingStatesAreRead() {
        assertThat(sample.rows()).extracting(UhriRow::lineNumber, UhriRow::uprPosition, UhriRow::uprRecommendingStates)
                .containsExactly(
                        tuple(2, Position.SUPPORTED, List.of("France", "Ireland")),
                        tuple(5, null, List.of()),
                        tuple(8, Position.PARTIALLY_SUPPORTED, List.of("Slovenia", "Republic of Korea")),
                        tuple(10, Position.NOTED, List.of("Brazil")),
                        tuple(11, null, List.of()),
                        tuple(14, null, List.of("Norway")), // "Pending": no position yet
                        tuple(20, Position.REJECTED, List.of("United Kingdom of Great Britain and Northern Ireland")));
    }

    @Test
    void excelDayNumbersBecomeDatesAndAnEmptyDateStaysEmpty() {
        assertThat(sample.rows()).extracting(UhriRow::lineNumber, UhriRow::publishedOn).containsExactly(
                tuple(2, LocalDate.of(2010, 3, 23)),
                tuple(5, LocalDate.of(2008, 12, 12)),
                tuple(8, LocalDate.of(2010, 3, 23)),
                tuple(10, LocalDate.of(2010, 6, 4)),
                tuple(11, LocalDate.of(2020, 6, 18)),
                tuple(14, null),
                tuple(20, LocalDate.of(2009, 10, 14)));
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWhateverTheirCaseAndSpacing() {
        UhriFile file = parse("""
                 ohchr annotation id ,Notes,DOCUMENT SYMBOL,  Countries   Concerned,text
                id-1,ignored,A/HRC/14/10,- Kazakhstan,Ratify the Second Optional Protocol
                """);

        assertThat(file.rejected()).isEmpty();
        UhriRow row = file.rows().get(0);
        assertThat(row.annotationId()).isEqualTo("id-1");
        assertThat(row.documentSymbol()).isEqualTo("A/HRC/14/10");
        assertThat(row.countries()).containsExactly("KAZ");
        assertThat(row.text()).isEqualTo("Ratify the Second Optional Protocol");
        // Columns the file does not have are empty, not an error.
        assertThat(row.themes()).isEmpty();
        assertThat(row.publishedOn()).isNull();
        assertThat(row.uprPosition()).isNull();
        assertThat(row.recommendingBody()).isNull();
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedNamingThem() {
        assertThatThrownBy(() -> parse("Text,Document Symbol,Themes\nRatify,A/HRC/14/10,- Torture\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The file lacks the columns Countries Concerned, OHCHR Annotation Id of a UHRI export; "
                        + "its header reads: Text | Document Symbol | Themes");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aRequiredColumnGivenTwiceIsRefused() {
        assertThatThrownBy(() -> parse("Text,Countries Concerned,Document Symbol,OHCHR Annotation Id,TEXT\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The column 'TEXT' appears twice, as columns 1 and 5; keep one");
    }

    @Test
    void eachProblemIsNamedAndAllOfARowsProblemsAreGivenTogether() {
        UhriFile file = parse(HEADER + """
                Ratify the Convention,- Kazakhstan,A/HRC/14/10,,,,
                Ratify the Convention,,A/HRC/14/10,id-2,,,
                Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-3,- Maybe later,,
                ,- Narnia,A/HRC/14/10,,Supported,-3,
                Ratify the Convention,"- Atlantis
                - Kazakhstan
                - Lilliput",A/HRC/14/10,id-5,,,
                Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-6,Noted/Rejected,60,
                """);

        assertThat(file.rows()).isEmpty();
        assertThat(file.rejected()).containsExactly(
                new RejectedRow(2, "the OHCHR Annotation Id is empty"),
                new RejectedRow(3, "no Countries Concerned"),
                new RejectedRow(4, "UPR Position 'Maybe later' is not recognised"),
                new RejectedRow(5, "the Text is empty; the OHCHR Annotation Id is empty; "
                        + "country not in the UN names table: 'Narnia'; "
                        + "Document Publication Date '-3' is outside Excel's dates"),
                new RejectedRow(6, "countries not in the UN names table: 'Atlantis', 'Lilliput'"),
                new RejectedRow(9, "Document Publication Date '60' is Excel's 29 February 1900, a day that never was; "
                        + "UPR Position 'Noted/Rejected' mixes answers that do not combine"));
    }

    @Test
    void aCellHoldingAControlCharacterOrADateAfter2200IsRejectedAsTheApiRefusesThem() {
        UhriFile file = parse(HEADER + "Ratify the\u0000 Convention,- Kazakhstan,A/HRC/14/10,id-1,,,\n"
                + "Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-2,,109940,\n"
                + "Ratify the Convention\tat once,- Kazakhstan,A/HRC/14/10,id-3,,109939,\n");

        assertThat(file.rejected()).containsExactly(
                new RejectedRow(2, "Text must not hold the control character U+0000 (only tab and line breaks are "
                        + "allowed)"),
                new RejectedRow(3, "Document Publication Date '109940' is 2201-01-01, outside the years 1900 to 2200 "
                        + "the tracker takes"));
        assertThat(file.rows()).extracting(UhriRow::lineNumber).containsExactly(4);
    }

    @Test
    void aRepeatedAnnotationIdIsRejectedWhateverItsCaseAndEvenWhenItsFirstRowWasRejected() {
        UhriFile file = parse(HEADER + """
                Ratify the Convention,- Atlantis,A/HRC/14/10,ABC-1,,,
                Ratify the Protocol,- Kazakhstan,A/HRC/14/10,abc-1,,,
                Ratify the Protocol,- Kazakhstan,A/HRC/14/10,abc-2,,,
                """);

        assertThat(file.rejected()).containsExactly(
                new RejectedRow(2, "country not in the UN names table: 'Atlantis'"),
                new RejectedRow(3, "OHCHR Annotation Id 'abc-1' already appears on line 2"));
        assertThat(file.rows()).extracting(UhriRow::annotationId).containsExactly("abc-2");
    }

    @Test
    void blankLinesAndEmptyRowsAreSkippedWithoutShiftingLineNumbers() {
        UhriFile file = parse(HEADER + "\n"
                + "Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-1,,,\n"
                + ",,,,,,\n"
                + "\n"
                + "\"Ratify\n\nthe Protocol\",- Kazakhstan,A/HRC/14/10,id-2,,,\n"
                + ",- Kazakhstan,A/HRC/14/10,id-3,,,\n");

        assertThat(file.rows()).extracting(UhriRow::lineNumber).containsExactly(3, 6);
        assertThat(file.rejected()).extracting(RejectedRow::lineNumber).containsExactly(9);
    }

    @Test
    void lineEndsMayBeCrlfLfOrCrAndCellsKeepTheirLineBreaksAsLf() {
        String rows = HEADER + "\"Ratify\nthe Protocol\",- Kazakhstan,A/HRC/14/10,id-1,,,\n"
                + ",- Kazakhstan,A/HRC/14/10,id-2,,,\n";
        for (String lineEnd : List.of("\r\n", "\n", "\r")) {
            UhriFile file = parse(rows.replace("\n", lineEnd));

            assertThat(file.rows()).extracting(UhriRow::lineNumber, UhriRow::text)
                    .as("line ends %s", lineEnd.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(tuple(2, "Ratify\nthe Protocol"));
            assertThat(file.rejected()).extracting(RejectedRow::lineNumber).containsExactly(4);
        }
    }

    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsSkipped() {
        UhriFile file = parse("\uFEFF\"Text\",\"Countries Concerned\",\"Document Symbol\",\"OHCHR Annotation Id\"\r\n"
                + "\"Ratify the Protocol\",\"- Kazakhstan\",\"A/HRC/14/10\",\"id-1\"\r\n");

        assertThat(file.rows()).extracting(UhriRow::text).containsExactly("Ratify the Protocol");
    }

    @Test
    void aFileSavedWithSemicolonsIsReadLikeOneWithCommas() {
        UhriFile file = parse("\uFEFFText;Countries Concerned;Document Symbol;OHCHR Annotation Id;"
                + "Document Publication Date\n"
                + "Ratify the Protocol, without reservations;- Kazakhstan;A/HRC/14/10;id-1;40260\n");

        assertThat(file.rejected()).isEmpty();
        assertThat(file.rows()).extracting(UhriRow::text, UhriRow::publishedOn)
                .containsExactly(tuple("Ratify the Protocol, without reservations", LocalDate.of(2010, 3, 23)));
    }

    @Test
    void valuesShapedLikeUprWorkingGroupDataAreUnderstood() {
        // Recommending states joined by "; ", and positions with the report's remark in brackets, as datasets
        // compiled from Working Group reports and UPR Info write them. States keep the names the file gives them.
        UhriFile file = parse(HEADER + """
                Ratify the Convention,Kazakhstan,A/HRC/14/10,id-1,Supported (para. 95),,Slovenia; Republic of Korea
                Ratify the Convention,Kazakhstan,A/HRC/14/10,id-2,"Pending (para. 97: to be examined; by June)",,Spain
                Ratify the Convention,San Marino,A/HRC/14/9,id-3,Not supported (para. 72),,Czech Republic
                Ratify the Convention,Kazakhstan,A/HRC/14/10,id-4,Accepted/Noted,,Holy See
                """);

        assertThat(file.rejected()).isEmpty();
        assertThat(file.rows()).extracting(UhriRow::uprPosition, UhriRow::uprRecommendingStates).containsExactly(
                tuple(Position.SUPPORTED, List.of("Slovenia", "Republic of Korea")),
                tuple(null, List.of("Spain")),
                tuple(Position.REJECTED, List.of("Czech Republic")),
                tuple(Position.PARTIALLY_SUPPORTED, List.of("Holy See")));
    }

    @Test
    void aRowThatStopsShortOfTheLastColumnsIsReadWithThemEmpty() {
        UhriFile file = parse(HEADER + "Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-1\n");

        assertThat(file.rejected()).isEmpty();
        assertThat(file.rows()).extracting(UhriRow::uprPosition, UhriRow::publishedOn)
                .containsExactly(tuple(null, null));
    }

    @Test
    void aFileThatIsNotValidCsvIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "\"Ratify the Convention,- Kazakhstan,A/HRC/14/10,id-1,,,\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The file is not valid CSV: ");
    }

    private static UhriRow row(int lineNumber) {
        return sample.rows().stream().filter(row -> row.lineNumber() == lineNumber).findFirst().orElseThrow();
    }

    private static UhriFile parse(String csv) {
        return UhriCsvParser.parse(new StringReader(csv));
    }
}
