package io.pipelineevents.routes.parking;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Parks events in a local directory that outlives the process, for the embedded queue, which has no dead-letter
 * queue that would survive a restart. One JSON file per parked set, in {@code <dir>/<realm>/}, named
 * {@code <parkedAt as 20261203T184512.123Z>-<uuid>.json} so that names sort by time and never collide.
 *
 * <p>A file appears whole or not at all: it is written to a hidden temporary file in the same directory, forced to
 * disk, then renamed atomically. Readers ignore the temporary files, so a listing or replay can run while the
 * service parks. Two replays at once can deliver the same events twice.
 */
public final class DirectoryParkingPlace implements ParkingPlace, ParkedStore {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int FILE_TIME_LENGTH = "20261203T184512.123Z".length();
    private static final String SUFFIX = ".json";
    private static final String TEMPORARY_PREFIX = ".parking-";

    private final Path dir;
    private final ParkedEventsJson json = new ParkedEventsJson();

    public DirectoryParkingPlace(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public void park(ParkedEvents parked) throws ParkingFailedException {
        Path realmDir = dir.resolve(directoryName(parked.realm()));
        Path target = realmDir.resolve(FILE_TIME.format(parked.parkedAt()) + "-" + UUID.randomUUID() + SUFFIX);
        try {
            Files.createDirectories(realmDir);
            writeDurably(target, json.writeIndented(parked));
        } catch (IOException | RuntimeException e) {
            throw new ParkingFailedException("cannot park " + parked.events().size() + " events for realm "
                    + parked.realm() + " in " + target + ": " + e, e);
        }
    }

    private static void writeDurably(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), TEMPORARY_PREFIX, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(target.getParent());
    }

    /** The rename itself is durable only once the directory entry is on disk. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a directory; the file's own content is already forced
        }
    }

    /**
     * A realm name as a single, harmless path segment. The realm is stored inside the file too, and that is what
     * listing reads, so this only has to keep realms apart and inside {@code dir}.
     */
    private static String directoryName(String realm) {
        String safe = realm.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    @Override
    public List<ParkedItem> list(Optional<String> realm) {
        List<ParkedItem> items = new ArrayList<>();
        for (Path file : files(realm)) {
            read(file).filter(item -> item.belongsTo(realm)).ifPresent(items::add);
        }
        items.sort(Comparator.comparing(ParkedItem::parkedAt).thenComparing(ParkedItem::id));
        return items;
    }

    @Override
    public ReplayReport replay(Optional<String> realm, Predicate<ParkedEvents> deliver) {
        ReplayTally tally = new ReplayTally(deliver);
        for (ParkedItem item : list(realm)) {
            if (item.events().isEmpty()) {
                tally.skip();
            } else if (tally.offer(item.id(), item.events().get())) {
                remove(Path.of(item.id()));
                tally.removed();
            }
        }
        return tally.report();
    }

    private void remove(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ParkedStoreException("delivered, but cannot remove " + file + " (it will be delivered again by"
                    + " the next replay): " + e, e);
        }
    }

    /** The parked files of one realm, or of all; none when nothing was ever parked. */
    private List<Path> files(Optional<String> realm) {
        List<Path> realmDirs = realm.map(name -> List.of(dir.resolve(directoryName(name)))).orElseGet(this::realmDirs);
        List<Path> files = new ArrayList<>();
        for (Path realmDir : realmDirs) {
            try (Stream<Path> entries = Files.list(realmDir)) {
                entries.filter(DirectoryParkingPlace::isParkedFile).forEach(files::add);
            } catch (NoSuchFileException e) {
                // nothing parked for this realm yet
            } catch (IOException e) {
                throw new ParkedStoreException("cannot list the parked events in " + realmDir + ": " + e, e);
            }
        }
        return files;
    }

    private List<Path> realmDirs() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ParkedStoreException("cannot list the parked events in " + dir + ": " + e, e);
        }
    }

    private static boolean isParkedFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) && !name.startsWith(".") && Files.isRegularFile(file);
    }

    /**
     * A file that is not a parked-events record is listed, so that the operator sees it, but never replayed. A file
     * gone since the directory was listed was removed by a replay running at the same time.
     */
    private Optional<ParkedItem> read(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ParkedStoreException("cannot read " + file + ": " + e, e);
        }
        try {
            return Optional.of(ParkedItem.of(file.toString(), json.read(content)));
        } catch (IOException e) {
            return Optional.of(ParkedItem.unprocessable(file.toString(), Optional.empty(),
                    "not a readable parked-events file: " + e.getMessage(), timeOf(file), List.of(),
                    Optional.empty(), content));
        }
    }

    /** The time its name starts with, as parking names files; else when it was last written. */
    private static Instant timeOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return Instant.from(FILE_TIME.parse(name.substring(0, Math.min(name.length(), FILE_TIME_LENGTH))));
        } catch (DateTimeException e) {
            try {
                return Files.getLastModifiedTime(file).toInstant();
            } catch (IOException unreadable) {
                return Instant.EPOCH;
            }
        }
    }

    @Override
    public String describe() {
        return "directory " + dir;
    }
}
