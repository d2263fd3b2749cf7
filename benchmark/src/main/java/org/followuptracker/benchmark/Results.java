package org.followuptracker.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table the benchmark prints and writes: each figure beside its baseline from the same run, and its target. */
final class Results {

    /** One measured figure; {@code met} is null where there is no target. */
    record Row(String id, String what, String measured, String baseline, String ratio, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String id, String what, String measured, String baseline, String ratio, String target,
            Boolean met) {
        Row row = new Row(id, what, measured, baseline, ratio, target, met);
        rows.add(row);
        System.out.printf("%-3s %-58s %-28s | baseline %-26s | %-8s | %s %s%n", id, what, measured, baseline, ratio,
                target, met == null ? "" : met ? "MET" : "MISSED");
    }

    synchronized void note(String note) {
        notes.add(note);
        System.out.println("    " + note);
    }

    synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| # | What | Measured | Baseline (same run) | Ratio | Target | Met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.id()).append(" | ").append(row.what()).append(" | ").append(row.measured())
                    .append(" | ").append(row.baseline()).append(" | ").append(row.ratio()).append(" | ")
                    .append(row.target()).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append("- ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    void write(Path file) {
        try {
            Files.writeString(file, table(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String f(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.1f", value);
    }
}
