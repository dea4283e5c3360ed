package io.pipelineevents.benchmarks.endtoend;

import java.util.Arrays;

/** Enqueue-to-ingest latencies of one run, in milliseconds, and their percentiles (nearest rank). */
record Latencies(double[] sortedMillis) {

    static Latencies of(double[] millis, int count) {
        double[] sorted = Arrays.copyOf(millis, count);
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    int count() {
        return sortedMillis.length;
    }

    double percentile(double p) {
        if (sortedMillis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedMillis.length);
        return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, rank - 1))];
    }

    double max() {
        return sortedMillis.length == 0 ? Double.NaN : sortedMillis[sortedMillis.length - 1];
    }
}
