package io.wagate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The end-to-end run as a markdown table (with ratios to the baselines) and a PNG latency chart. */
final class BenchReport {

    private final List<StageResult> stages;
    private final String machine;
    private final Instant when;
    private final int sessions;
    private final Duration stage;

    BenchReport(List<StageResult> stages, String machine, Instant when, int sessions, Duration stage) {
        this.stages = List.copyOf(stages);
        this.machine = machine;
        this.when = when;
        this.sessions = sessions;
        this.stage = stage;
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("End-to-end sends, ")
                .append(when)
                .append(", ")
                .append(sessions)
                .append(" simulated sessions, ")
                .append(stage.toSeconds())
                .append(" s per stage. Machine: ")
                .append(machine)
                .append(".\n\n");
        out.append(
                "| offered sends/s | achieved/s | lost | end-to-end p50 / p99 ms | HTTP accept p50 / p99 ms"
                        + " | raw Kafka p50 / p99 ms | bare HTTP p50 / p99 ms | end-to-end p50 ÷ Kafka | accept p50 ÷ bare HTTP |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (StageResult s : stages) {
            out.append(String.format(
                    "| %d | %.1f | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %s | %s |%n",
                    s.rate(),
                    s.achieved(),
                    s.lost(),
                    s.endToEndP50(),
                    s.endToEndP99(),
                    s.acceptP50(),
                    s.acceptP99(),
                    s.kafkaP50(),
                    s.kafkaP99(),
                    s.httpP50(),
                    s.httpP99(),
                    StageResult.ratio(s.endToEndP50(), s.kafkaP50()),
                    StageResult.ratio(s.acceptP50(), s.httpP50())));
        }
        return out.toString();
    }

    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("latest.md"), markdown());
            BitmapEncoder.saveBitmap(chart(), folder.resolve("latest.png").toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private XYChart chart() {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(520)
                .title("Latency at rising load (" + sessions + " sessions)")
                .xAxisTitle("offered sends per second")
                .yAxisTitle("milliseconds (log scale)")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] rates = stages.stream().mapToDouble(StageResult::rate).toArray();
        series(
                chart,
                "end-to-end p50",
                rates,
                stages.stream().mapToDouble(StageResult::endToEndP50).toArray());
        series(
                chart,
                "end-to-end p99",
                rates,
                stages.stream().mapToDouble(StageResult::endToEndP99).toArray());
        series(
                chart,
                "HTTP accept p50",
                rates,
                stages.stream().mapToDouble(StageResult::acceptP50).toArray());
        series(
                chart,
                "raw Kafka p50",
                rates,
                stages.stream().mapToDouble(StageResult::kafkaP50).toArray());
        series(
                chart,
                "bare HTTP p50",
                rates,
                stages.stream().mapToDouble(StageResult::httpP50).toArray());
        return chart;
    }

    private static void series(XYChart chart, String name, double[] x, double[] y) {
        double[] positive =
                java.util.Arrays.stream(y).map(v -> Math.max(v, 0.01)).toArray();
        chart.addSeries(name, x, positive).setMarker(SeriesMarkers.CIRCLE);
    }
}
