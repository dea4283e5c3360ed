package io.pipelineevents.benchmarks.mapping;

import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A mapping file with {@code ruleCount} rules, as a large installation would write one: the codepipeline preset with
 * rules of its own in front, for other teams' pipelines (by name or name prefix, some narrowed to states or action
 * providers) and for CodeBuild projects. None of the added rules matches a notification of the mix (whose pipeline is
 * checkout-service-pipeline), so every notification still makes exactly the preset's event: the rendering work is
 * the same at every size and only the matching sees the extra rules.
 */
public final class GeneratedMappings {

    static final String PRESET_RESOURCE = "/io/pipelineevents/mappings/presets/codepipeline.yaml";
    static final int PRESET_RULES = 4;

    private final int ruleCount;

    public GeneratedMappings(int ruleCount) {
        if (ruleCount < PRESET_RULES) {
            throw new IllegalArgumentException("at least the preset's " + PRESET_RULES + " rules");
        }
        this.ruleCount = ruleCount;
    }

    /** Writes the file to a temporary folder and loads it as the service loads a mappings path. */
    MappingSet load() throws MappingLoadException {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("mapping-benchmark");
            Files.writeString(folder.resolve("mappings.yaml"), yaml());
            MappingSet mappings = MappingSet.load(folder);
            String expected = ruleCount + " rules";
            if (!mappings.describe().contains(expected)) {
                throw new IllegalStateException("expected " + expected + ", loaded " + mappings.describe());
            }
            return mappings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    /** The mapping file's text. */
    public String yaml() {
        String preset = presetText();
        int rules = preset.indexOf("\nrules:\n");
        if (rules < 0) {
            throw new IllegalStateException("the preset has no top-level 'rules:' line to add rules after");
        }
        int first = rules + "\nrules:\n".length();
        StringBuilder added = new StringBuilder();
        for (int i = 1; i <= ruleCount - PRESET_RULES; i++) {
            added.append(rule(i));
        }
        return preset.substring(0, first) + added + "\n" + preset.substring(first);
    }

    /** Four kinds of rule in turn, so the machine holds distinct values, prefixes, $or and other sources. */
    private static String rule(int i) {
        String team = "team-%04d".formatted(i);
        return switch (i % 4) {
            case 0 -> """
                      - name: %1$s-pipeline-problems
                        match:
                          source: [aws.codepipeline]
                          detail-type: [CodePipeline Pipeline Execution State Change]
                          detail:
                            pipeline: [%1$s-pipeline]
                            state: [FAILED, STOPPED, SUPERSEDED]
                        event:
                          eventType: %1$s.pipeline.problem
                          dimensions:
                            pipeline: ${detail.pipeline}
                            state: ${detail.state}
                          properties:
                            execution_id: ${detail.execution-id}
                    """.formatted(team);
            case 1 -> """
                      - name: %1$s-stages
                        match:
                          source: [aws.codepipeline]
                          detailType: [CodePipeline Stage Execution State Change]
                          detail:
                            pipeline: [{prefix: %1$s-}]
                        event:
                          eventType: %1$s.stage
                          dimensions:
                            pipeline: ${detail.pipeline}
                            stage: ${detail.stage}
                            state: ${detail.state}
                    """.formatted(team);
            case 2 -> """
                      - name: %1$s-deploy-actions
                        match:
                          source: [aws.codepipeline]
                          $or:
                            - detail-type: [CodePipeline Action Execution State Change]
                            - detailType: [CodePipeline Action Execution State Change]
                          detail:
                            pipeline: [%1$s-pipeline, %1$s-hotfix-pipeline]
                            type:
                              provider: [CodeDeploy, ECS, CloudFormation]
                        event:
                          eventType: %1$s.deploy
                          dimensions:
                            pipeline: ${detail.pipeline}
                            action: ${detail.action}
                            state: ${detail.state}
                          properties:
                            external_execution_id: ${detail.execution-result.external-execution-id}
                    """.formatted(team);
            default -> """
                      - name: %1$s-builds
                        match:
                          source: [aws.codebuild]
                          detail-type: [CodeBuild Build State Change]
                          detail:
                            project-name: [%1$s-build]
                            build-status: [FAILED, SUCCEEDED]
                        event:
                          eventType: %1$s.build
                          dimensions:
                            project: ${detail.project-name}
                            status: ${detail.build-status}
                    """.formatted(team);
        };
    }

    private static String presetText() {
        try (InputStream in = GeneratedMappings.class.getResourceAsStream(PRESET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no preset at " + PRESET_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder does not change any result.
        }
    }
}
