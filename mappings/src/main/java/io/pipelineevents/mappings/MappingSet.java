package io.pipelineevents.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.pipelineevents.mappings.event.MappedEvent;
import io.pipelineevents.mappings.rules.EventRenderer;
import io.pipelineevents.mappings.rules.Rendering;
import io.pipelineevents.mappings.rules.Rule;
import io.pipelineevents.mappings.rules.RuleFile;
import io.pipelineevents.mappings.yaml.MappingFileParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A loaded, validated set of mapping files: turns a notification into Splunk events.
 *
 * <p>Immutable once loaded and safe for concurrent {@link #apply} calls. Loading checks everything
 * that can be checked without a notification and reports all problems of all files at once.
 */
public final class MappingSet {

    private final List<RuleFile> files;
    private final EventRenderer renderer = new EventRenderer();

    private MappingSet(List<RuleFile> files) {
        this.files = List.copyOf(files);
    }

    /** One mapping file, or every *.yaml and *.yml file directly in a directory, in file-name order. */
    public static MappingSet load(Path fileOrDirectory) throws MappingLoadException {
        List<MappingProblem> unreadable = new ArrayList<>();
        List<MappingSources.Source> sources = MappingSources.fromPath(fileOrDirectory, unreadable);
        return parse(sources, unreadable);
    }

    /** A mapping shipped with the product, such as {@code codepipeline}. */
    public static MappingSet preset(String name) throws MappingLoadException {
        return parse(List.of(MappingSources.preset(name)), List.of());
    }

    public static List<String> presetNames() {
        return MappingSources.PRESETS;
    }

    private static MappingSet parse(List<MappingSources.Source> sources, List<MappingProblem> unreadable)
            throws MappingLoadException {
        List<RuleFile> files = new ArrayList<>();
        List<MappingProblem> problems = new ArrayList<>(unreadable);
        for (MappingSources.Source source : sources) {
            MappingFileParser.Result result = MappingFileParser.parse(source.name(), source.text());
            problems.addAll(result.problems());
            result.file().ifPresent(files::add);
        }
        if (!problems.isEmpty()) {
            throw new MappingLoadException(problems);
        }
        return new MappingSet(files);
    }

    /**
     * Maps one notification (already out of any SNS/SQS envelope). Each file is evaluated on its own
     * with its evaluation mode; the results of all files follow each other in file order.
     */
    public MappingOutcome apply(JsonNode notification) {
        List<MappedEvent> mapped = new ArrayList<>();
        List<String> matchedRules = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Optional<String> dedupeKey = Optional.empty();
        for (RuleFile file : files) {
            for (Rule rule : file.matching(notification)) {
                matchedRules.add(rule.name());
                if (rule.drop()) {
                    dropped.add(rule.name());
                }
                boolean madeEvents = false;
                for (Rendering rendering : renderer.render(rule, notification)) {
                    if (rendering.refused()) {
                        refusals.add(rendering.refusal());
                    } else {
                        mapped.add(new MappedEvent(rendering.event(), rendering.rule(), rendering.fixes()));
                        madeEvents = true;
                    }
                }
                if (madeEvents && dedupeKey.isEmpty()) {
                    dedupeKey = dedupeKey(rule, notification);
                }
            }
        }
        return new MappingOutcome(mapped, matchedRules, refusals, dropped, dedupeKey);
    }

    /** Missing when a path of the template is: the delivery then falls back to the source's own ids. */
    private static Optional<String> dedupeKey(Rule rule, JsonNode notification) {
        return rule.dedupeKey()
                .map(template -> template.render(notification))
                .filter(value -> !value.isMissingNode() && !value.isNull())
                .map(value -> value.isValueNode() ? value.asText() : value.toString());
    }

    /** One line for the start-up log, e.g. "2 files, 7 rules (ci.yaml, codepipeline.yaml)". */
    public String describe() {
        int rules = files.stream().mapToInt(file -> file.rules().size()).sum();
        return plural(files.size(), "file") + ", " + plural(rules, "rule") + " ("
                + files.stream().map(RuleFile::name).collect(Collectors.joining(", ")) + ")";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
