package io.pipelineevents.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Expected Splunk payloads under {@code src/test/resources/golden}. Run the tests with {@code -Dgolden.update=true}
 * to rewrite them from the current output, then review the diff like any other change.
 */
public final class GoldenFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path SOURCE = Path.of("src/test/resources/golden");

    private GoldenFiles() {
    }

    public static void assertMatches(String name, String actualJson) {
        try {
            JsonNode actual = JSON.readTree(actualJson);
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(SOURCE);
                Files.writeString(SOURCE.resolve(name), JSON.writeValueAsString(actual) + "\n");
                return;
            }
            try (InputStream in = GoldenFiles.class.getClassLoader().getResourceAsStream("golden/" + name)) {
                assertThat(in).as("golden file golden/%s (create it with -Dgolden.update=true)", name).isNotNull();
                JsonNode expected = JSON.readTree(in);
                assertThat(JSON.writeValueAsString(actual)).as("Splunk payload for %s", name)
                        .isEqualTo(JSON.writeValueAsString(expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
