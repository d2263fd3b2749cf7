package org.followuptracker.query.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads it as UTF-8),
 * CRLF line ends, and no formula injection (OWASP's advice): every text cell is quoted, its quotes doubled, so no
 * separator inside it (a comma, or the semicolon some locales split on) can start a new cell; and a text cell, or
 * an item of a list, starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it. Numbers and booleans are
 * written as they are; the header (our own column names) unquoted.
 */
public final class Csv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {
    }

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(start(header));
        for (List<Object> row : rows) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What comes before the rows: the byte-order mark and the header line. */
    static String start(List<String> header) {
        return BYTE_ORDER_MARK + String.join(",", header) + "\r\n";
    }

    /** One row's line, its line end included. */
    static String line(List<Object> cells) {
        StringBuilder csv = new StringBuilder();
        line(csv, cells);
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text;
        if (value instanceof Iterable<?> items) {
            List<String> neutralised = new java.util.ArrayList<>();
            items.forEach(item -> neutralised.add(neutralised(String.valueOf(item))));
            text = String.join("; ", neutralised);
        } else {
            text = neutralised(value.toString());
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
