package io.pipelineevents.app.config;

import io.pipelineevents.mappings.MappingLoadException;
import io.pipelineevents.mappings.MappingSet;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which mappings to use: a file or folder of the user's, else a preset shipped with the product.
 *
 * @param path   a mapping file or folder; empty means {@code preset}
 * @param preset the preset's name, used when there is no path
 */
public record MappingsChoice(Optional<Path> path, String preset) {

    public MappingSet load() throws MappingLoadException {
        return path.isPresent() ? MappingSet.load(path.get()) : MappingSet.preset(preset);
    }

    @Override
    public String toString() {
        return path.map(p -> "mappings " + p).orElse("preset " + preset);
    }
}
