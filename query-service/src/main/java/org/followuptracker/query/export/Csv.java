package org.followuptracker.query.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV that opens correctly in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads it as UTF-8),
 * CRLF line ends, fields quoted when they hold a comma, quote or line break (quotes doubled), and no formula
 * injection: a text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is
 * prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it. Numbers are written as
 * they are.
 */
public final class Csv {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {
    }

    public static byte[] write(List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        line(csv, List.copyOf(header));
        for (List<Object> row : rows) {
            line(csv, row);
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<?> cells) {
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
        String text = value instanceof Iterable<?> items ? String.join("; ", strings(items)) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static List<String> strings(Iterable<?> items) {
        java.util.ArrayList<String> strings = new java.util.ArrayList<>();
        items.forEach(item -> strings.add(String.valueOf(item)));
        return strings;
    }
}
