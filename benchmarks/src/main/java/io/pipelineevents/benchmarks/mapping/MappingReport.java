package io.pipelineevents.benchmarks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints the mapping benchmarks of a JMH JSON result file as a table, with the two ratios issue 5 sets targets for:
 * mapping throughput against the Jackson ceiling (at least 0.5), and the cost of 1,000 rules against 10 (at most 2).
 *
 * <p>The ratios are taken from the medians of the measured iterations: on a shared two-core machine one disturbed
 * iteration moves a mean a lot and a median little. The means, with JMH's 99.9% error, are printed too. In Java
 * rather than a shell tool so that the script needs nothing the build does not bring.
 */
public final class MappingReport {

    static final List<String> BENCHMARKS =
            List.of("mapDefaultPreset", "mapWith10Rules", "mapWith1000Rules", "jacksonCeiling");
    static final double MAPPING_TARGET = 0.5;
    static final double RULES_TARGET = 2.0;

    /** One JMH score converted to notifications per second (throughput) or microseconds per notification. */
    record Score(double mean, double error, double median) {
    }

    /** Both modes of one benchmark; either may be missing (null) when the run left that mode out. */
    record Scores(Score perSecond, Score microseconds) {
    }

    private final Map<String, Scores> scores;

    MappingReport(Map<String, Scores> scores) {
        this.scores = scores;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: MappingReport <jmh-result.json>");
            System.exit(2);
        }
        read(Path.of(args[0])).print(System.out);
    }

    static MappingReport read(Path jmhJson) throws IOException {
        Map<String, Score> throughput = new LinkedHashMap<>();
        Map<String, Score> averageTime = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(jmhJson.toFile())) {
            String name = run.path("benchmark").asText();
            String benchmark = name.substring(name.lastIndexOf('.') + 1);
            JsonNode metric = run.path("primaryMetric");
            String unit = metric.path("scoreUnit").asText();
            double mean = metric.path("score").asDouble();
            double error = metric.path("scoreError").asDouble();
            double median = metric.path("scorePercentiles").path("50.0").asDouble();
            if (unit.startsWith("ops/")) {
                // ops per time unit: per second is per microsecond times a million.
                double factor = 1_000_000.0 / microsecondsIn(unit.substring(4));
                throughput.put(benchmark, new Score(mean * factor, error * factor, median * factor));
            } else {
                double factor = microsecondsIn(unit.substring(0, unit.indexOf('/')));
                averageTime.put(benchmark, new Score(mean * factor, error * factor, median * factor));
            }
        }
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (String name : BENCHMARKS) {
            if (throughput.containsKey(name) || averageTime.containsKey(name)) {
                scores.put(name, new Scores(throughput.get(name), averageTime.get(name)));
            }
        }
        return new MappingReport(scores);
    }

    private static double microsecondsIn(String timeUnit) {
        return switch (timeUnit) {
            case "ns" -> 1e-3;
            case "us" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            default -> throw new IllegalArgumentException("unknown JMH time unit " + timeUnit);
        };
    }

    void print(PrintStream out) {
        out.printf("%-18s %28s %28s%n", "", "notifications/s", "us per notification");
        out.printf("%-18s %18s %9s %18s %9s%n", "benchmark", "mean ± 99.9%", "median", "mean ± 99.9%", "median");
        for (String name : BENCHMARKS) {
            Scores s = scores.get(name);
            out.printf("%-18s %s %s%n", name, cells(s == null ? null : s.perSecond(), "%8.0f ± %-7.0f %9.0f"),
                    cells(s == null ? null : s.microseconds(), "%8.2f ± %-7.2f %9.2f"));
        }
        out.println();
        // Both ratios are speed ratios judged on throughput; average time measures the same thing a second time
        // (one thread: time per notification = 1 / throughput), so it is shown as a check on the noise.
        ratio(out, "mapping / ceiling (speed)", "mapDefaultPreset", "jacksonCeiling", true, MAPPING_TARGET);
        ratio(out, "cost(1000 rules) / cost(10)", "mapWith10Rules", "mapWith1000Rules", false, RULES_TARGET);
    }

    private static String cells(Score score, String format) {
        return score == null
                ? "%28s".formatted("not run")
                : format.formatted(score.mean(), score.error(), score.median());
    }

    /**
     * Prints throughput(top) / throughput(bottom) from the medians, judged against the target, and the same ratio
     * from the medians of average time (bottom's time over top's).
     */
    private void ratio(PrintStream out, String label, String top, String bottom, boolean atLeast, double target) {
        Score topRate = score(top, Scores::perSecond);
        Score bottomRate = score(bottom, Scores::perSecond);
        Score topTime = score(top, Scores::microseconds);
        Score bottomTime = score(bottom, Scores::microseconds);
        String goal = (atLeast ? ">= " : "<= ") + target;
        if (topRate == null || bottomRate == null) {
            out.printf("%-28s  n/a (needs the throughput of %s and %s)   target %s%n", label, top, bottom, goal);
            return;
        }
        double value = topRate.median() / bottomRate.median();
        boolean met = atLeast ? value >= target : value <= target;
        String check = topTime == null || bottomTime == null
                ? "" : "  (from average time %.2f)".formatted(bottomTime.median() / topTime.median());
        out.printf("%-28s %5.2f   target %s: %-6s%s%n", label, value, goal, met ? "met" : "MISSED", check);
    }

    private Score score(String benchmark, Function<Scores, Score> mode) {
        Scores both = scores.get(benchmark);
        return both == null ? null : mode.apply(both);
    }
}
