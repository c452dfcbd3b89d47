package org.orderbridge.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A chart as the metrics page draws it: one SVG polyline per series over the window, scaled to the largest value
 * seen. Drawn on the server, so the page needs no chart library and no script of its own for it.
 *
 * @param max the value at the top of the chart
 */
record ChartView(String id, String title, String unit, String max, List<Line> lines) {

    static final int WIDTH = 300;
    static final int HEIGHT = 80;
    private static final int SERIES_COLOURS = 6;

    /** @param points the polyline's points attribute; @param current the latest value, for the legend */
    record Line(String series, String points, String current, int colour) {}

    public boolean noData() {
        return lines.isEmpty();
    }

    static List<ChartView> of(List<MetricsHistory.Sample> samples, Instant now, Duration window) {
        return Charts.ALL.stream().map(chart -> of(chart, samples, now, window)).toList();
    }

    static ChartView of(Charts.Chart chart, List<MetricsHistory.Sample> samples, Instant now, Duration window) {
        Instant start = now.minus(window);
        var series = new LinkedHashMap<String, List<double[]>>();
        double max = 0;
        for (MetricsHistory.Sample sample : samples) {
            if (sample.at().isBefore(start)) {
                continue;
            }
            double x = WIDTH * (double) Duration.between(start, sample.at()).toMillis() / window.toMillis();
            for (var value : sample.values().getOrDefault(chart.id(), Map.of()).entrySet()) {
                series.computeIfAbsent(value.getKey(), k -> new ArrayList<>()).add(new double[] {x, value.getValue()});
                max = Math.max(max, value.getValue());
            }
        }
        double top = max > 0 ? max : 1;
        var lines = new ArrayList<Line>();
        for (var entry : series.entrySet()) {
            var points = new StringBuilder();
            for (double[] point : entry.getValue()) {
                double y = HEIGHT - 2 - (HEIGHT - 4) * point[1] / top;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", point[0], y));
            }
            double current = entry.getValue().getLast()[1];
            lines.add(new Line(
                    entry.getKey(),
                    points.toString().trim(),
                    chart.id().equals("breakers") ? breakerState(current) : number(current),
                    lines.size() % SERIES_COLOURS));
        }
        return new ChartView(chart.id(), chart.title(), chart.unit(), number(top), lines);
    }

    private static String breakerState(double level) {
        return level >= 2 ? "open" : level >= 1 ? "half-open" : "closed";
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
