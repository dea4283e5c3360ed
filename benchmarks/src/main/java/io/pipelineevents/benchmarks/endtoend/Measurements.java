package io.pipelineevents.benchmarks.endtoend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one suite run measured: per scenario its figures in order, and the ratios against the targets of issue 5.
 * Printed as the Markdown tables BENCHMARKS.md holds, and written as JSON for anyone who wants to compare runs.
 */
final class Measurements {
    /** A figure of a scenario. */
    record Figure(String name, double value, String unit) {
    }

    /** A ratio against its target: at least (or at most) {@code target}. */
    record Ratio(String name, double value, double target, boolean atLeast, String how) {
        boolean met() {
            return atLeast ? value >= target : value <= target;
        }
    }

    private final Map<String, List<Figure>> scenarios = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final List<Ratio> ratios = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();

    void describe(String scenario, String description) {
        descriptions.put(scenario, description);
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>());
    }

    void add(String scenario, String figure, double value, String unit) {
        scenarios.computeIfAbsent(scenario, s -> new ArrayList<>()).add(new Figure(figure, value, unit));
        System.err.printf(Locale.ROOT, "  %s: %s = %s %s%n", scenario, figure, format(value), unit);
    }

    double get(String scenario, String figure) {
        return scenarios.getOrDefault(scenario, List.of()).stream().filter(f -> f.name().equals(figure))
                .mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }

    boolean has(String scenario) {
        return scenarios.containsKey(scenario);
    }

    void ratio(String name, double value, double target, boolean atLeast, String how) {
        if (!Double.isNaN(value)) {
            ratios.add(new Ratio(name, value, target, atLeast, how));
        }
    }

    void machine(String key, String value) {
        machine.put(key, value);
    }

    void printMarkdown(PrintStream out) {
        out.println("| Target | Measured | Target | Met | From |");
        out.println("|---|---:|---:|---|---|");
        for (Ratio ratio : ratios) {
            out.printf(Locale.ROOT, "| %s | %s | %s %s | %s | %s |%n", ratio.name(), format(ratio.value()),
                    ratio.atLeast() ? "≥" : "≤", format(ratio.target()), ratio.met() ? "yes" : "**no**", ratio.how());
        }
        out.println();
        out.println("| Scenario | Figure | Value |");
        out.println("|---|---|---:|");
        scenarios.forEach((scenario, figures) -> {
            boolean first = true;
            for (Figure figure : figures) {
                out.printf(Locale.ROOT, "| %s | %s | %s %s |%n", first ? "**" + scenario + "**" : "", figure.name(),
                        format(figure.value()), figure.unit());
                first = false;
            }
        });
        out.println();
        descriptions.forEach((scenario, description) -> out.printf("- **%s**: %s%n", scenario, description));
        out.println();
        machine.forEach((key, value) -> out.printf("- %s: %s%n", key, value));
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine);
        all.put("ratios", ratios);
        all.put("scenarios", scenarios);
        all.put("descriptions", descriptions);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), all);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : "%.2f", value);
    }
}
