package org.followuptracker.command.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.followuptracker.command.input.Texts;
import org.followuptracker.events.Position;

/**
 * Reads the CSV that the UN's Universal Human Rights Index (uhri.ohchr.org) export becomes once saved from Excel.
 * Columns are found by their header, in any order; others are ignored. A row that cannot be imported is rejected
 * with its line and the reason, and the good rows still come through.
 */
public final class UhriCsvParser {

    /** The export's column headers, spelt as the UN spells them ("Reccomending"). */
    private enum Column {
        TEXT("Text", true),
        COUNTRIES("Countries Concerned", true),
        BODY("Reccomending Body", false),
        SYMBOL("Document Symbol", true),
        THEMES("Themes", false),
        AFFECTED_PERSONS("Affected Persons", false),
        SDGS("Sdgs", false),
        PUBLISHED_ON("Document Publication Date", false),
        RECOMMENDING_STATES("UPR Reccomending States", false),
        POSITION("UPR Position", false),
        TYPE("Type", false),
        ANNOTATION_ID("OHCHR Annotation Id", true),
        SESSION("UPR Session", false);

        final String header;
        final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }
    }

    private static final char BOM = '\uFEFF';
    private static final int LONGEST_HEADER_LINE = 64 * 1024;

    private final Map<Column, Integer> columns;
    private final CountryNames countryNames = CountryNames.unNames();
    private final Map<String, Integer> lineOfAnnotationId = new HashMap<>();
    private final List<UhriRow> rows = new ArrayList<>();
    private final List<RejectedRow> rejected = new ArrayList<>();

    private UhriCsvParser(Map<Column, Integer> columns) {
        this.columns = columns;
    }

    /**
     * Reads a whole export, from a reader that decodes UTF-8: with or without a byte order mark, CRLF or LF line
     * ends, comma-separated (or semicolon- or tab-separated, as Excel saves CSV in some locales). Does not close
     * the reader.
     *
     * @throws IllegalArgumentException when the header lacks a required column or the file is not valid CSV
     */
    public static UhriFile parse(Reader in) {
        try {
            BufferedReader reader = new BufferedReader(in);
            skipByteOrderMark(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiterOf(reader))
                    // Blank lines are kept as records so that the line count stays true; they are skipped below.
                    .setIgnoreEmptyLines(false)
                    .get();
            CSVParser csv = CSVParser.parse(reader, format);
            Iterator<CSVRecord> records = csv.iterator();
            if (!records.hasNext()) {
                throw new IllegalArgumentException("The file is empty; a UHRI export starts with a header row");
            }
            UhriCsvParser parser = new UhriCsvParser(columnsOf(records.next()));
            long linesRead = csv.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                // A quoted cell can span lines, so the record starts on the line after the previous one ended.
                int startLine = Math.toIntExact(linesRead + 1);
                linesRead = csv.getCurrentLineNumber();
                parser.read(record, startLine);
            }
            return new UhriFile(parser.rows, parser.rejected);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw new IllegalArgumentException("The file is not valid CSV: " + malformed.getMessage(), e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(CSVRecord record, int line) {
        if (record.stream().allMatch(String::isBlank)) {
            return; // a blank line, or the empty rows Excel leaves below a table
        }
        List<String> problems = new ArrayList<>();
        for (Column column : Column.values()) {
            String fault = Texts.fault(cell(record, column));
            if (fault != null) {
                problems.add(column.header + " " + fault);
            }
        }

        String text = UhriCells.text(cell(record, Column.TEXT));
        if (text == null) {
            problems.add("the Text is empty");
        }

        String annotationId = UhriCells.value(cell(record, Column.ANNOTATION_ID));
        if (annotationId == null) {
            problems.add("the OHCHR Annotation Id is empty");
        } else {
            Integer firstLine = lineOfAnnotationId.putIfAbsent(annotationId.toLowerCase(Locale.ROOT), line);
            if (firstLine != null) {
                problems.add("OHCHR Annotation Id '" + annotationId + "' already appears on line " + firstLine);
            }
        }

        List<String> countryCodes = new ArrayList<>();
        List<String> unknownCountries = new ArrayList<>();
        for (String name : UhriCells.names(cell(record, Column.COUNTRIES))) {
            countryNames.iso3Of(name).ifPresentOrElse(
                    code -> {
                        if (!countryCodes.contains(code)) {
                            countryCodes.add(code);
                        }
                    },
                    () -> unknownCountries.add(name));
        }
        if (!unknownCountries.isEmpty()) {
            problems.add((unknownCountries.size() == 1 ? "country" : "countries") + " not in the UN names table: "
                    + unknownCountries.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")));
        } else if (countryCodes.isEmpty()) {
            problems.add("no Countries Concerned");
        }

        LocalDate publishedOn = null;
        try {
            publishedOn = ExcelDates.fromSerial(cell(record, Column.PUBLISHED_ON));
        } catch (IllegalArgumentException e) {
            problems.add(Column.PUBLISHED_ON.header + " " + e.getMessage());
        }

        Position position = null;
        try {
            position = UprPositions.read(cell(record, Column.POSITION));
        } catch (IllegalArgumentException e) {
            problems.add(Column.POSITION.header + " " + e.getMessage());
        }

        if (!problems.isEmpty()) {
            rejected.add(new RejectedRow(line, String.join("; ", problems)));
            return;
        }
        rows.add(new UhriRow(
                line,
                annotationId,
                text,
                countryCodes,
                UhriCells.value(cell(record, Column.BODY)),
                UhriCells.value(cell(record, Column.SYMBOL)),
                null,
                UhriCells.values(cell(record, Column.THEMES)),
                UhriCells.values(cell(record, Column.AFFECTED_PERSONS)),
                UhriCells.values(cell(record, Column.SDGS)),
                publishedOn,
                UhriCells.names(cell(record, Column.RECOMMENDING_STATES)),
                position,
                UhriCells.value(cell(record, Column.TYPE)),
                UhriCells.value(cell(record, Column.SESSION))));
    }

    /** The cell, or "" when the column is absent or the row stops short of it. */
    private String cell(CSVRecord record, Column column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private static Map<Column, Integer> columnsOf(CSVRecord header) {
        Map<String, Integer> indexByHeader = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer earlier = indexByHeader.putIfAbsent(headerKey(header.get(i)), i);
            if (earlier != null && isKnown(header.get(i))) {
                throw new IllegalArgumentException("The column '" + header.get(i).strip() + "' appears twice, as "
                        + "columns " + (earlier + 1) + " and " + (i + 1) + "; keep one");
            }
        }
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            Integer index = indexByHeader.get(headerKey(column.header));
            if (index != null) {
                columns.put(column, index);
            } else if (column.required) {
                missing.add(column.header);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The file lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of a UHRI export; its header reads: "
                    + header.stream().map(String::strip).collect(Collectors.joining(" | ")));
        }
        return columns;
    }

    private static boolean isKnown(String header) {
        for (Column column : Column.values()) {
            if (headerKey(column.header).equals(headerKey(header))) {
                return true;
            }
        }
        return false;
    }

    private static String headerKey(String header) {
        return header.replace(String.valueOf(BOM), "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
    }

    // Excel saves "CSV" with semicolons where the comma is the decimal mark, and "Unicode text" with tabs; the
    // header line, whose names hold none of these, tells which one this file uses.
    private static char delimiterOf(BufferedReader reader) throws IOException {
        reader.mark(LONGEST_HEADER_LINE);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0, c = reader.read(); c != -1 && i < LONGEST_HEADER_LINE - 1; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
