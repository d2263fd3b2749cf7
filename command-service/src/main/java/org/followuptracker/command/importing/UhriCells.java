package org.followuptracker.command.importing;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the UHRI export writes a cell: one value per line, each line a bullet ("- Australia\n- Germany"), though a
 * single value may come without its dash.
 */
final class UhriCells {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern BULLET = Pattern.compile("^[-\u2010\u2013\u2014\u2022]\\s*");
    // No country name holds a semicolon, and data compiled from UPR reports lists states with one between them.
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\R|;");

    private UhriCells() {
    }

    /** The values of a multi-value cell, without bullets, blank lines or repeats, in their order. */
    static List<String> values(String cell) {
        return split(cell, LINE_BREAK);
    }

    /** Like {@link #values}, but also splits on semicolons: for cells that hold names of states. */
    static List<String> names(String cell) {
        return split(cell, NAME_SEPARATOR);
    }

    /** A single-value cell without its bullet; null if empty; several lines are kept, joined by "; ". */
    static String value(String cell) {
        List<String> values = values(cell);
        return values.isEmpty() ? null : String.join("; ", values);
    }

    /** Free text such as the recommendation itself: line breaks kept (as \n), surrounding space dropped. */
    static String text(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return LINE_BREAK.matcher(cell).replaceAll("\n").strip();
    }

    private static List<String> split(String cell, Pattern separator) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String line : separator.split(cell)) {
            String value = BULLET.matcher(line.strip()).replaceFirst("").strip();
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }
}
