package io.pipelineevents.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Where settings come from: the shipped defaults, then the config file, then environment variables (Camel's
 * properties component applies the variables). Without {@code --config}, {@code ./pipeline-events.properties} is
 * read if it exists.
 */
public record ConfigFile(Optional<Path> explicit) {
    public static final String DEFAULTS = "classpath:pipeline-events-defaults.properties";
    public static final Path CONVENTIONAL = Path.of("pipeline-events.properties");

    /** Property placeholder locations for Camel. Camel looks a key up location by location: the first one wins. */
    public String camelLocations() {
        return explicit.map(path -> "file:" + path.toAbsolutePath() + "," + DEFAULTS)
                .orElse("file:" + CONVENTIONAL.toAbsolutePath() + ";optional=true," + DEFAULTS);
    }

    /** Reads and validates every setting of {@code run}, without starting anything. */
    public Settings read() throws InvalidSettingsException {
        return SettingsReader.read(properties());
    }

    /**
     * Reads and validates every setting but realm tokens, for the commands that only look at what the service did
     * ({@code status}, {@code parked list}): they may run where the tokens are not.
     */
    public Settings readWithoutTokens() throws InvalidSettingsException {
        return SettingsReader.readWithoutTokens(properties());
    }

    /** Reads and validates every setting, with a token required only for {@code realm} ({@code replay --realm}). */
    public Settings readWithTokenOf(String realm) throws InvalidSettingsException {
        return SettingsReader.readWithTokenOf(properties(), realm);
    }

    /** Reads and validates only what reaching the queue takes (for {@code send}). */
    public QueueAccess readQueueAccess() throws InvalidSettingsException {
        return SettingsReader.readQueueAccess(properties());
    }

    /** Reads and validates only the mapping settings (for {@code validate}, {@code map} and {@code test}). */
    public MappingsChoice readMappings() throws InvalidSettingsException {
        return SettingsReader.readMappings(properties());
    }

    private PropertiesComponent properties() throws InvalidSettingsException {
        if (explicit.isPresent() && !Files.isRegularFile(explicit.get())) {
            throw new InvalidSettingsException(List.of("config file '" + explicit.get() + "' does not exist"));
        }
        // A context that is never started: only its properties component is used, so nothing needs closing.
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setLocation(camelLocations());
        return context.getPropertiesComponent();
    }
}
