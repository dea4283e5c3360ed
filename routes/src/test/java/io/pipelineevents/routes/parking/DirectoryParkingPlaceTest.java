package io.pipelineevents.routes.parking;

import static io.pipelineevents.routes.parking.ParkedExamples.EARLIER;
import static io.pipelineevents.routes.parking.ParkedExamples.LATER;
import static io.pipelineevents.routes.parking.ParkedExamples.parked;
import static io.pipelineevents.routes.parking.ParkedExamples.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pipelineevents.routes.parking.ParkedItem.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryParkingPlaceTest {
    @TempDir
    Path dir;

    @Test
    void parkedEventsSurviveARestart() {
        ParkedEvents parked = parked("alpha", "HTTP 400: invalid event", 400, 1, EARLIER);
        new DirectoryParkingPlace(dir).park(parked);

        List<ParkedItem> items = new DirectoryParkingPlace(dir).list(Optional.empty());

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Kind.PARKED_EVENTS);
            assertThat(item.realm()).contains("alpha");
            assertThat(item.reason()).isEqualTo("HTTP 400: invalid event");
            assertThat(item.lastStatus()).contains(400);
            assertThat(item.attempts()).isEqualTo(1);
            assertThat(item.parkedAt()).isEqualTo(EARLIER);
            assertThat(item.eventCount()).isEqualTo(2);
            assertThat(item.sourceMessageIds()).containsExactly("source-message-1");
            assertThat(item.events()).contains(parked);
            assertThat(Path.of(item.id())).exists().startsWith(dir.resolve("alpha"));
        });
    }

    @Test
    void eachParkedSetIsOneCompleteJsonFileNamedByTimeInItsRealmsDirectory() throws Exception {
        new DirectoryParkingPlace(dir).park(parked("alpha", "retries ran out after HTTP 503", 503, 3, EARLIER));

        List<Path> files = filesUnder(dir);
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.getParent()).isEqualTo(dir.resolve("alpha"));
            assertThat(file.getFileName().toString())
                    .matches("20261203T184512\\.123Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.json");
        });
        JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(json.get("realm").asText()).isEqualTo("alpha");
        assertThat(json.get("reason").asText()).isEqualTo("retries ran out after HTTP 503");
        assertThat(json.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(json.get("attempts").asInt()).isEqualTo(3);
        assertThat(json.get("parkedAt").asText()).isEqualTo("2026-12-03T18:45:12.123456Z");
        assertThat(json.get("sourceMessageIds").get(0).asText()).isEqualTo("source-message-1");
        assertThat(json.get("deliveryKeys").get(0).asText()).isEqualTo("sns:4f1c-delivery-key");
        assertThat(json.get("events")).hasSize(2);
        assertThat(json.get("events").get(0).get("dimensions").get("stage").asText()).isEqualTo("Prod");
    }

    @Test
    void aTransportErrorIsParkedWithoutAStatus() {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(parked("alpha", "connection refused", null, 3, EARLIER));

        assertThat(place.list(Optional.empty())).singleElement()
                .satisfies(item -> assertThat(item.lastStatus()).isEmpty());
    }

    @Test
    void listingIsOldestFirstAcrossRealmsAndCanBeLimitedToOneRealm() {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(parked("beta", "later", 400, 1, LATER));
        place.park(parked("alpha", "earlier", 400, 1, EARLIER));

        assertThat(place.list(Optional.empty())).extracting(ParkedItem::reason).containsExactly("earlier", "later");
        assertThat(place.list(Optional.of("beta"))).extracting(ParkedItem::reason).containsExactly("later");
        assertThat(place.list(Optional.of("gamma"))).isEmpty();
    }

    @Test
    void nothingParkedYetListsNothing() {
        assertThat(new DirectoryParkingPlace(dir.resolve("never-created")).list(Optional.empty())).isEmpty();
    }

    @Test
    void replayRemovesWhatWasDeliveredAndKeepsWhatFailed() {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(refused("alpha", "will be accepted"));
        place.park(refused("alpha", "will be refused again"));
        place.park(refused("beta", "delivery throws"));
        List<String> offered = new ArrayList<>();

        ReplayReport report = place.replay(Optional.empty(), parked -> {
            offered.add(parked.reason());
            if (parked.reason().equals("delivery throws")) {
                throw new IllegalStateException("realm beta unreachable");
            }
            return parked.reason().equals("will be accepted");
        });

        assertThat(offered).containsExactlyInAnyOrder("will be accepted", "will be refused again", "delivery throws");
        assertThat(report).isEqualTo(new ReplayReport(1, 2, 0));
        assertThat(new DirectoryParkingPlace(dir).list(Optional.empty())).extracting(ParkedItem::reason)
                .containsExactlyInAnyOrder("will be refused again", "delivery throws");
    }

    @Test
    void replayOfOneRealmLeavesTheOtherRealmsAlone() {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(refused("alpha", "alpha's"));
        place.park(refused("beta", "beta's"));

        ReplayReport report = place.replay(Optional.of("beta"), parked -> true);

        assertThat(report).isEqualTo(new ReplayReport(1, 0, 0));
        assertThat(place.list(Optional.empty())).extracting(ParkedItem::reason).containsExactly("alpha's");
    }

    @Test
    void aFileThatIsNotAParkedRecordIsListedButNeverReplayed() throws Exception {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(refused("alpha", "good"));
        Files.writeString(dir.resolve("alpha").resolve("20260101T000000.000Z-hand-made.json"), "{ not json");

        assertThat(place.list(Optional.empty())).extracting(ParkedItem::kind)
                .containsExactly(Kind.UNPROCESSABLE_MESSAGE, Kind.PARKED_EVENTS);
        assertThat(place.replay(Optional.empty(), parked -> true)).isEqualTo(new ReplayReport(1, 0, 1));
        assertThat(place.list(Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(Kind.UNPROCESSABLE_MESSAGE);
            assertThat(item.reason()).startsWith("not a readable parked-events file");
            assertThat(item.rawBody()).contains("{ not json");
        });
    }

    @Test
    void aDirectoryThatCannotBeWrittenFailsParkingAndNamesThePath() throws Exception {
        // a regular file where the directory should be: fails even for root, unlike permissions
        Path blocked = dir.resolve("parked");
        Files.writeString(blocked, "not a directory");

        assertThatThrownBy(() -> new DirectoryParkingPlace(blocked).park(refused("alpha", "refused")))
                .isInstanceOf(ParkingFailedException.class)
                .hasMessageContaining(blocked.resolve("alpha").toString())
                .hasMessageContaining("realm alpha");
    }

    @Test
    void aRealmNameCannotLeadOutsideTheDirectory() {
        Path parked = dir.resolve("parked");
        DirectoryParkingPlace place = new DirectoryParkingPlace(parked);
        place.park(refused("../../escape", "odd name"));

        assertThat(filesUnder(dir)).singleElement().satisfies(file -> assertThat(file).startsWith(parked));
        assertThat(place.list(Optional.of("../../escape"))).extracting(ParkedItem::reason).containsExactly("odd name");
    }

    @Test
    void noTemporaryFileIsLeftBehind() {
        DirectoryParkingPlace place = new DirectoryParkingPlace(dir);
        place.park(refused("alpha", "one"));
        place.park(refused("alpha", "two"));

        assertThat(filesUnder(dir)).hasSize(2).allSatisfy(file -> assertThat(file.toString()).endsWith(".json")
                .doesNotContain("/."));
    }

    private static List<Path> filesUnder(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
