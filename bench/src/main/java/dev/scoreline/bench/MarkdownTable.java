package dev.scoreline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table, built row by row. */
public final class MarkdownTable {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public MarkdownTable(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    public MarkdownTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "" : c.toString());
        }
        rows.add(row);
        return this;
    }

    public MarkdownTable note(String note) {
        notes.add(note);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append("\n");
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    /** A number with {@code decimals} places, or "–" when it is not one. */
    public static String num(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    public static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    public static String bytes(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double abs = Math.abs(v);
        if (abs >= 1024 * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f GiB", v / (1024.0 * 1024 * 1024));
        }
        if (abs >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", v / (1024.0 * 1024));
        }
        if (abs >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", v / 1024.0);
        }
        return String.format(Locale.ROOT, "%.0f B", v);
    }
}
