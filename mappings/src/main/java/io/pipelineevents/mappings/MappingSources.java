package io.pipelineevents.mappings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the text of mapping files: from a file, a directory, or a preset on the classpath. */
final class MappingSources {

    /** One mapping file's name (as shown in problems) and its text. */
    record Source(String name, String text) {
    }

    static final String PRESET_FOLDER = "/io/pipelineevents/mappings/presets/";
    static final List<String> PRESETS = List.of("codepipeline", "seed", "eventbridge-forwarder");

    private MappingSources() {
    }

    static List<Source> fromPath(Path path) throws MappingLoadException {
        if (Files.isDirectory(path)) {
            return read(mappingFilesIn(path));
        }
        if (!Files.isRegularFile(path)) {
            throw failure(path.toString(), "no such mapping file or directory");
        }
        return read(List.of(path));
    }

    static Source preset(String name) throws MappingLoadException {
        String resource = PRESET_FOLDER + name + ".yaml";
        try (InputStream in = PRESETS.contains(name) ? MappingSources.class.getResourceAsStream(resource) : null) {
            if (in == null) {
                throw failure("preset '" + name + "'", "unknown preset; known presets: " + String.join(", ", PRESETS));
            }
            return new Source(name + ".yaml", decode(in.readAllBytes()));
        } catch (IOException e) {
            throw failure("preset '" + name + "'", "could not be read: " + e.getMessage());
        }
    }

    private static List<Path> mappingFilesIn(Path directory) throws MappingLoadException {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> files = entries
                    .filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw failure(directory.toString(), "no mapping file (*.yaml or *.yml) in this directory");
            }
            return files;
        } catch (IOException e) {
            throw failure(directory.toString(), "could not list the directory: " + e.getMessage());
        }
    }

    /** Reads every file, collecting unreadable ones so all of them are reported together. */
    private static List<Source> read(List<Path> files) throws MappingLoadException {
        List<Source> sources = new ArrayList<>();
        List<MappingProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                sources.add(new Source(name, decode(Files.readAllBytes(file))));
            } catch (CharacterCodingException e) {
                problems.add(MappingProblem.withoutPosition(name, "not UTF-8 text"));
            } catch (IOException e) {
                problems.add(MappingProblem.withoutPosition(name, "could not be read: " + e));
            }
        }
        if (!problems.isEmpty()) {
            throw new MappingLoadException(problems);
        }
        return sources;
    }

    // Strict decoding: a mis-encoded file fails loudly instead of turning into replacement characters.
    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static MappingLoadException failure(String where, String message) {
        return new MappingLoadException(List.of(MappingProblem.withoutPosition(where, message)));
    }
}
