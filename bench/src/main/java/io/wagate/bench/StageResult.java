package io.wagate.bench;

/**
 * One load level of the end-to-end run and its baselines, latencies in milliseconds. {@code
 * achieved} is what the gateway completed per second (webhooks received), {@code lost} what never
 * arrived within the patience window.
 */
record StageResult(
        int rate,
        double achieved,
        long lost,
        double endToEndP50,
        double endToEndP99,
        double acceptP50,
        double acceptP99,
        double kafkaP50,
        double kafkaP99,
        double httpP50,
        double httpP99) {

    static String ratio(double value, double baseline) {
        return baseline > 0 && !Double.isNaN(value) ? String.format("%.1f×", value / baseline) : "n/a";
    }
}
