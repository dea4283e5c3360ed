package io.pipelineevents.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks at start-up that the service can write where a setting points, by writing there: a parking directory or
 * status file that cannot be written would otherwise fail only when first needed, with a realm already failing.
 */
final class WritableDirectory {
    private WritableDirectory() {
    }

    /** Creates {@code dir} if needed and writes and removes a file in it. */
    static void check(Path dir, String setting) throws StartupException {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
            Files.delete(Files.createTempFile(absolute, ".pipeline-events-probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new StartupException("pipeline-events." + setting + " cannot be written: " + absolute + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
