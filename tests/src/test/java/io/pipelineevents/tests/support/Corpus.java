package io.pipelineevents.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared corpus of real-format notifications, kept once in the mappings module's test resources and read
 * here from its test-jar (or its test-classes folder inside a reactor build).
 */
public final class Corpus {
    private static final String FOLDER = "corpus/";

    private Corpus() {
    }

    public static String read(String name) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every notification file of the corpus (JSON, not the .headers.json companions of HTTP samples). */
    public static List<String> notificationFiles() {
        URL readme = Corpus.class.getClassLoader().getResource(FOLDER + "README.md");
        if (readme == null) {
            throw new IllegalStateException("corpus not on the test classpath");
        }
        try {
            URI uri = readme.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return list(jar.getPath(FOLDER));
                }
            }
            return list(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.endsWith(".headers.json"))
                    .sorted()
                    .toList();
        }
    }
}
