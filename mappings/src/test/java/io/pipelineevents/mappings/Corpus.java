package io.pipelineevents.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The notification corpus in src/test/resources/corpus, as the mappings see it: SNS and Lambda
 * envelopes are removed here the way the routes remove them, so every CodePipeline sample can be
 * fed to a mapping.
 */
public final class Corpus {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    /** The file's JSON as stored. */
    public static JsonNode raw(String file) {
        try {
            return JSON.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's exact text, as a queue or webhook would carry it. */
    public static String text(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The notification inside the file: the SNS Message of an envelope or Lambda record, else the file itself. */
    public static JsonNode notification(String file) {
        JsonNode json = raw(file);
        JsonNode lambdaSns = json.path("Records").path(0).path("Sns");
        JsonNode envelope = lambdaSns.isMissingNode() ? json : lambdaSns;
        if ("Notification".equals(envelope.path("Type").asText()) && envelope.path("Message").isTextual()) {
            try {
                return JSON.readTree(envelope.get("Message").textValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** Names of all sample bodies (sidecar headers files excluded), from a folder or from the test-jar. */
    public static List<String> samples() {
        try {
            URI folder = Corpus.class.getResource("/corpus").toURI();
            if (!"jar".equals(folder.getScheme())) {
                return samplesIn(Path.of(folder));
            }
            try (FileSystem jar = FileSystems.newFileSystem(folder, Map.of())) {
                return samplesIn(jar.provider().getPath(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> samplesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString().replace("/", ""))
                    .filter(name -> name.endsWith(".json") && !name.endsWith(".headers.json"))
                    .sorted()
                    .toList();
        }
    }
}
