package io.pipelineevents.mappings.rules;

/** A named rule; {@code index} is its position in the file, which decides who wins under first-match. */
public record Rule(String name, int index, EventTemplate event) {
}
