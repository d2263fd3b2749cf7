package org.followuptracker.command.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Country names as UN documents write them ("Viet Nam", "Iran (Islamic Republic of)", "Turkey" before 2022),
 * mapped to ISO 3166-1 alpha-3. The table is {@code importing/un-country-names.csv}; its README says what it covers.
 */
public final class CountryNames {

    private static final String TABLE = "/importing/un-country-names.csv";
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern TYPOGRAPHIC_APOSTROPHES = Pattern.compile("[\u2018\u2019\u02BC\u2032`\u00B4]");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u2007\u202F]+");

    private final Map<String, String> iso3ByName;

    private CountryNames(Map<String, String> iso3ByName) {
        this.iso3ByName = Map.copyOf(iso3ByName);
    }

    /** The UN names table shipped with the service. */
    public static CountryNames unNames() {
        return Shipped.TABLE;
    }

    /** Reads a {@code name,iso3} table; refuses one that gives a name two codes, or a code not of three capitals. */
    static CountryNames load(Reader table) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        Map<String, String> iso3ByName = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(table, format)) {
            for (CSVRecord row : parser) {
                String name = row.get("name");
                String iso3 = row.get("iso3").strip();
                if (name.isBlank() || !ISO3.matcher(iso3).matches()) {
                    throw new IllegalStateException("line " + parser.getCurrentLineNumber()
                            + " of the country table needs a name and a three-letter code: " + row.toList());
                }
                String earlier = iso3ByName.putIfAbsent(key(name), iso3);
                if (earlier != null && !earlier.equals(iso3)) {
                    throw new IllegalStateException("the country table gives '" + name.strip() + "' both " + earlier
                            + " and " + iso3);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the country table", e);
        }
        return new CountryNames(iso3ByName);
    }

    public Optional<String> iso3Of(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(iso3ByName.get(key(name)));
    }

    /** Every code the table can give, so a test can check each one is a real ISO 3166-1 code. */
    public Set<String> iso3Codes() {
        return Collections.unmodifiableSet(new TreeSet<>(iso3ByName.values()));
    }

    // Spreadsheets and word processors turn ' into ’ and pad names with odd spaces; neither changes the country.
    static String key(String name) {
        String straight = TYPOGRAPHIC_APOSTROPHES.matcher(name).replaceAll("'");
        return SPACES.matcher(straight).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    private static final class Shipped {
        static final CountryNames TABLE = read();

        private static CountryNames read() {
            InputStream in = CountryNames.class.getResourceAsStream(CountryNames.TABLE);
            if (in == null) {
                throw new IllegalStateException(CountryNames.TABLE + " is missing from the classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + CountryNames.TABLE, e);
            }
        }
    }
}
