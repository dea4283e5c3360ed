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
import java.util.function.Function;
import java.util.stream.Stream;

/** Finds and reads the text of mapping files: from a file, a directory, or a preset on the classpath. */
final class MappingSources {

    /** One mapping file's name (as shown in problems) and its text. */
    record Source(String name, String text) {
    }

    /** Mapping files are small; a huge one is a mistake or an attack, and is refused before it is parsed. */
    static final long MAX_FILE_BYTES = 1_000_000;
    static final String PRESET_FOLDER = "/io/pipelineevents/mappings/presets/";
    static final List<String> PRESETS = List.of("codepipeline", "seed", "eventbridge-forwarder");

    private MappingSources() {
    }

    /**
     * The readable mapping files at a path; a file that cannot be read is added to {@code unreadable}, so that
     * the problems of the other files are still found and reported with it. A file in a directory is named by
     * its path under that directory, so that two directories' files cannot be confused; a file given alone is
     * named by its file name.
     */
    static List<Source> fromPath(Path path, List<MappingProblem> unreadable) throws MappingLoadException {
        if (Files.isDirectory(path)) {
            return read(mappingFilesIn(path), file -> path.resolve(file.getFileName()).toString(), unreadable);
        }
        if (!Files.isRegularFile(path)) {
            throw failure(path.toString(), "no such mapping file or directory");
        }
        return read(List.of(path), file -> file.getFileName().toString(), unreadable);
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

    /** Reads every file it can; the others become problems. */
    private static List<Source> read(List<Path> files, Function<Path, String> naming, List<MappingProblem> unreadable) {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            String name = naming.apply(file);
            try {
                // Checked here, on the whole file: SnakeYAML's own limit counts only what its reader buffers.
                if (Files.size(file) > MAX_FILE_BYTES) {
                    unreadable.add(MappingProblem.withoutPosition(name, "the file has " + Files.size(file)
                            + " bytes; a mapping file may have at most " + MAX_FILE_BYTES));
                    continue;
                }
                sources.add(new Source(name, decode(Files.readAllBytes(file))));
            } catch (CharacterCodingException e) {
                unreadable.add(MappingProblem.withoutPosition(name, "not UTF-8 text"));
            } catch (IOException e) {
                unreadable.add(MappingProblem.withoutPosition(name, "could not be read: " + e));
            }
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
