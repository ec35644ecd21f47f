package dev.roomsdk.bench.perf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * One scenario's table: per contender the median over rounds, the ratio to raw (the median of
 * the per-round ratios, with their range), the spread of the value itself (min-max and the
 * interquartile range) and the allocation per operation (median), as markdown.
 */
final class ResultTable {

    final String title;
    final String what;
    final boolean higherIsBetter;
    final DoubleFunction<String> format;
    final String lastColumn;
    final Map<String, Series> series;
    final List<String> notes = new ArrayList<>();

    ResultTable(String title, String what, boolean higherIsBetter, DoubleFunction<String> format, String lastColumn,
                Map<String, Series> series) {
        this.title = title;
        this.what = what;
        this.higherIsBetter = higherIsBetter;
        this.format = format;
        this.lastColumn = lastColumn;
        this.series = new LinkedHashMap<>(series);
    }

    ResultTable note(String note) {
        notes.add(note);
        return this;
    }

    double median(String name) {
        return Stats.median(series.get(name).values);
    }

    double medianAllocated(String name) {
        return Stats.median(series.get(name).allocated);
    }

    /** Median of the per-round ratios of {@code name} to raw. */
    double ratio(String name) {
        return Stats.median(Stats.ratios(series.get(name).values, series.get("raw").values));
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(title).append("\n\n").append(what).append(' ')
                .append(higherIsBetter ? "Higher is better." : "Lower is better.").append("\n\n");
        b.append("| contender | median | ratio to raw (per-round range) | spread min-max | IQR | ").append(lastColumn)
                .append(" |\n| --- | --- | --- | --- | --- | --- |\n");
        Series raw = series.get("raw");
        for (Series s : series.values()) {
            List<Double> r = Stats.ratios(s.values, raw.values);
            String ratio = s == raw ? "1.00" : Fmt.ratio(Stats.median(r)) + " (" + Fmt.ratio(Stats.min(r)) + "-"
                    + Fmt.ratio(Stats.max(r)) + ")";
            String last = s.extra != null ? s.extra : s.allocated.isEmpty() ? "-" : Fmt.bytes(Stats.median(s.allocated));
            b.append("| ").append(s.name)
                    .append(" | ").append(format.apply(Stats.median(s.values)))
                    .append(" | ").append(ratio)
                    .append(" | ").append(format.apply(Stats.min(s.values))).append(" - ").append(format.apply(Stats.max(s.values)))
                    .append(" | ").append(format.apply(Stats.percentile(s.values, 25))).append(" - ")
                    .append(format.apply(Stats.percentile(s.values, 75)))
                    .append(" | ").append(last).append(" |\n");
        }
        int rounds = raw.values.size();
        b.append("\n").append(rounds).append(" rounds.");
        for (String n : notes) {
            b.append(' ').append(n);
        }
        return b.append("\n").toString();
    }
}
