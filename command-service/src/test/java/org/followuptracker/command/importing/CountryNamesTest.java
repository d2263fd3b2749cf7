package org.followuptracker.command.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.followuptracker.events.Countries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryNamesTest {

    /** The 193 UN Member States and the two observer States, Holy See (VAT) and State of Palestine (PSE). */
    private static final Set<String> UN_MEMBERS_AND_OBSERVERS = Set.of(("AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE "
            + "BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG "
            + "COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO "
            + "GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN "
            + "KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI "
            + "MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL "
            + "PRK PRT PRY PSE QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC "
            + "SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VAT VCT VEN VNM VUT WSM YEM ZAF "
            + "ZMB ZWE").split(" "));

    private final CountryNames names = CountryNames.unNames();

    @Test
    void everyCodeInTheTableIsAnIso3Code() throws IOException {
        List<CSVRecord> table = table();
        assertThat(table).allSatisfy(row -> assertThat(Countries.isIso3(row.get("iso3")))
                .as("%s (%s)", row.get("iso3"), row.get("name"))
                .isTrue());
        assertThat(names.iso3Codes()).allMatch(Countries::isIso3);
    }

    @Test
    void theTableStartsWithOneRowForEachUnMemberAndObserverState() throws IOException {
        List<CSVRecord> officialRows = table().subList(0, 195);
        Set<String> codes = new TreeSet<>();
        officialRows.forEach(row -> codes.add(row.get("iso3")));

        assertThat(codes).hasSize(195).isEqualTo(new TreeSet<>(UN_MEMBERS_AND_OBSERVERS));
        assertThat(names.iso3Codes()).isEqualTo(new TreeSet<>(UN_MEMBERS_AND_OBSERVERS));
    }

    @Test
    void everyNameInTheTableFindsItsCode() throws IOException {
        assertThat(table()).allSatisfy(row -> assertThat(names.iso3Of(row.get("name"))).contains(row.get("iso3")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Bolivia (Plurinational State of)                     | BOL
            Iran (Islamic Republic of)                           | IRN
            Republic of Korea                                    | KOR
            Democratic People's Republic of Korea                | PRK
            Viet Nam                                             | VNM
            Russian Federation                                   | RUS
            Türkiye                                              | TUR
            Côte d'Ivoire                                        | CIV
            United Kingdom of Great Britain and Northern Ireland | GBR
            United States of America                             | USA
            Czechia                                              | CZE
            North Macedonia                                      | MKD
            Eswatini                                             | SWZ
            Cabo Verde                                           | CPV
            Lao People's Democratic Republic                     | LAO
            Micronesia (Federated States of)                     | FSM
            Republic of Moldova                                  | MDA
            Syrian Arab Republic                                 | SYR
            United Republic of Tanzania                          | TZA
            Venezuela (Bolivarian Republic of)                   | VEN
            Democratic Republic of the Congo                     | COD
            Congo                                                | COG
            Holy See                                             | VAT
            State of Palestine                                   | PSE
            Kazakhstan                                           | KAZ
            """)
    void theUnsOfficialShortNamesAreKnown(String name, String iso3) {
        assertThat(names.iso3Of(name)).contains(iso3);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Turkey                                     | TUR
            United Kingdom                             | GBR
            Czech Republic                             | CZE
            Swaziland                                  | SWZ
            Cape Verde                                 | CPV
            The former Yugoslav Republic of Macedonia  | MKD
            Ivory Coast                                | CIV
            Bolivarian Republic of Venezuela           | VEN
            Islamic Republic of Iran                   | IRN
            Libyan Arab Jamahiriya                     | LBY
            Korea, Republic of                         | KOR
            Netherlands (Kingdom of the)               | NLD
            """)
    void commonVariantsAndFormerNamesAreKnown(String name, String iso3) {
        assertThat(names.iso3Of(name)).contains(iso3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"viet nam", "  VIET NAM  ", "Viet\u00A0 Nam", "Lao People’s Democratic Republic",
            "lao people‘s democratic republic", "Côte d’Ivoire", "COTE D'IVOIRE"})
    void matchingIgnoresCaseSpacesAndTypographicApostrophes(String name) {
        assertThat(names.iso3Of(name)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Atlantis", "Korea", "Kosovo", "Viet"})
    void aNameNotInTheTableHasNoCode(String name) {
        assertThat(names.iso3Of(name)).isEmpty();
    }

    @Test
    void aTableThatGivesOneNameTwoCodesIsRefused() {
        assertThatThrownBy(() -> CountryNames.load(new StringReader("name,iso3\nGeorgia,GEO\n GEORGIA ,USA\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the country table gives 'GEORGIA' both GEO and USA");
    }

    @Test
    void aTableWithACodeThatIsNotThreeCapitalsIsRefused() {
        assertThatThrownBy(() -> CountryNames.load(new StringReader("name,iso3\nGeorgia,ge\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a name and a three-letter code");
    }

    private static List<CSVRecord> table() throws IOException {
        try (InputStream in = CountryNamesTest.class.getResourceAsStream("/importing/un-country-names.csv");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader,
                        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
