package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.SseClient;
import dev.scoreline.testkit.WsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconnecting clients get only what they missed while the ring covers it, else a snapshot; a new
 * epoch always means a snapshot. WebSocket {@code since} and SSE {@code Last-Event-ID} alike.
 */
class ResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int RING = 8;
    private static Broker.Topics topics;
    private static Feed feed;
    private static EdgeGateway gateway;

    @BeforeAll
    static void start() {
        topics = Broker.topics(1);
        feed = new Feed(topics);
        gateway = Gateways.start(topics, b -> b.ringSize(RING));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        feed.close();
    }

    /**
     * Publishes a channel at {@code version} as the job does (its first delta starts at 1) and waits
     * for the gateway. A snapshot at 1 with deltas from 2 would race: the two topics are read
     * independently, and deltas seen before the snapshot are a gap.
     */
    private static void publish(String channel, String epoch, long version) {
        feed.deltas(channel, epoch, 1, version);
        awaitVersion(channel, epoch, version);
    }

    private static void awaitVersion(String channel, String epoch, long version) {
        Await.until(channel + " at " + epoch + ":" + version, WAIT, () -> {
            var r = Http.get(gateway.port(), "/v1/channels/" + channel);
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode s = Http.json(r);
            return s.get("epoch").asText().equals(epoch) && s.get("version").asLong() == version;
        });
    }

    private static String subscribe(String channel, String epoch, long version) {
        return "{\"type\":\"subscribe\",\"channel\":\"" + channel + "\",\"since\":{\"epoch\":\"" + epoch
                + "\",\"version\":" + version + "}}";
    }

    @Test
    void sinceInsideTheRingSendsOnlyTheMissingDeltas() throws Exception {
        String channel = "match:resume-ring";
        publish(channel, "e1", 12);
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.send(subscribe(channel, "e1", 9));
            JsonNode state = Feed.state(9);
            long version = 9;
            for (long expected = 10; expected <= 12; expected++) {
                JsonNode m = c.next(WAIT);
                assertThat(m.get("type").asText()).isEqualTo("delta");
                assertThat(m.get("from").asLong()).isEqualTo(expected);
                state = MergePatch.apply(state, m.get("patch"));
                version = m.get("to").asLong();
            }
            assertThat(version).isEqualTo(12);
            assertThat(state).isEqualTo(Feed.state(12));
            assertThat(c.silentFor(Duration.ofMillis(300))).as("nothing more").isTrue();
            feed.deltas(channel, "e1", 13, 13);
            assertThat(c.next(WAIT).get("to").asLong()).isEqualTo(13);
        }
    }

    @Test
    void aClientThatIsUpToDateGetsNothingUntilTheNextDelta() throws Exception {
        String channel = "match:resume-current";
        publish(channel, "e1", 5);
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.send(subscribe(channel, "e1", 5));
            assertThat(c.silentFor(Duration.ofMillis(300))).isTrue();
            feed.deltas(channel, "e1", 6, 6);
            JsonNode m = c.next(WAIT);
            assertThat(m.get("type").asText()).isEqualTo("delta");
            assertThat(m.get("from").asLong()).isEqualTo(6);
        }
    }

    @Test
    void sinceOutsideTheRingOrOfAnotherEpochGetsASnapshot() {
        String channel = "match:resume-far";
        publish(channel, "e1", 2 + 2 * RING);
        for (String since : List.of(subscribe(channel, "e1", 1), subscribe(channel, "e0", 5))) {
            try (WsClient c = WsClient.connect(gateway.port())) {
                c.send(since);
                JsonNode m = c.next(WAIT);
                assertThat(m.get("type").asText()).as(since).isEqualTo("snapshot");
                assertThat(m.get("version").asLong()).isEqualTo(2 + 2 * RING);
                assertThat(m.get("state")).isEqualTo(Feed.state(2 + 2 * RING));
            }
        }
    }

    @Test
    void sinceAheadOfTheGatewayWaitsForItAndGetsOnlyWhatComesAfter() throws Exception {
        String channel = "match:resume-ahead";
        publish(channel, "e1", 4);
        try (WsClient c = WsClient.connect(gateway.port())) {
            // the client came from a gateway that had seen up to version 6 already
            c.send(subscribe(channel, "e1", 6));
            c.send("{\"type\":\"ping\"}");
            assertThat(c.next(WAIT).get("type").asText()).as("no older snapshot, nothing yet").isEqualTo("pong");

            feed.deltas(channel, "e1", 5, 6);
            feed.deltas(channel, "e1", 7, 7);

            JsonNode m = c.next(WAIT);
            assertThat(m.get("type").asText()).as(m.toString()).isEqualTo("delta");
            assertThat(m.get("from").asLong()).isEqualTo(7);
            assertThat(m.get("to").asLong()).isEqualTo(7);
        }
    }

    @Test
    void aNewEpochReachesSubscribersAsASnapshot() {
        String channel = "match:resume-epoch";
        publish(channel, "e1", 6);
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe(channel);
            assertThat(c.next(WAIT).get("epoch").asText()).isEqualTo("e1");
            // the job's state was rebuilt: epoch e2 starts over, snapshot first
            feed.snapshot(channel, "e2", 2);
            JsonNode m = c.next(WAIT);
            assertThat(m.get("type").asText()).isEqualTo("snapshot");
            assertThat(m.get("epoch").asText()).isEqualTo("e2");
            assertThat(m.get("state")).isEqualTo(Feed.state(2));
            // e1 deltas that still arrive are of no use to anyone
            feed.deltas(channel, "e1", 7, 7);
            feed.deltas(channel, "e2", 3, 3);
            JsonNode d = c.next(WAIT);
            assertThat(d.get("epoch").asText()).isEqualTo("e2");
            assertThat(d.get("from").asLong()).isEqualTo(3);
        }
    }

    @Test
    void sseLastEventIdResumesFromTheRingOrWithASnapshot() throws Exception {
        String channel = "match:resume-sse";
        publish(channel, "e1", 10);
        String query = "channel=" + channel;
        String lastId;
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            SseClient.Event first = sse.next(WAIT);
            assertThat(first.event()).isEqualTo("snapshot");
            assertThat(first.id()).isEqualTo("e1:10");
            assertThat(first.data().get("state")).isEqualTo(Feed.state(10));
            feed.deltas(channel, "e1", 11, 11);
            SseClient.Event d = sse.next(WAIT);
            assertThat(d.event()).isEqualTo("delta");
            assertThat(d.id()).isEqualTo("e1:11");
            lastId = d.id();
        }
        feed.deltas(channel, "e1", 12, 14);
        awaitVersion(channel, "e1", 14);
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of("Last-Event-ID", lastId))) {
            JsonNode state = Feed.state(11);
            for (long v = 12; v <= 14; v++) {
                SseClient.Event e = sse.next(WAIT);
                assertThat(e.event()).isEqualTo("delta");
                assertThat(e.data().get("from").asLong()).isEqualTo(v);
                assertThat(e.id()).isEqualTo("e1:" + v);
                state = MergePatch.apply(state, e.data().get("patch"));
            }
            assertThat(state).isEqualTo(Feed.state(14));
        }
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of("Last-Event-ID", "e1:1"))) {
            SseClient.Event e = sse.next(WAIT);
            assertThat(e.event()).as("outside the ring").isEqualTo("snapshot");
            assertThat(e.data().get("version").asLong()).isEqualTo(14);
        }
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of("Last-Event-ID", "e0:13"))) {
            assertThat(sse.next(WAIT).event()).as("another epoch").isEqualTo("snapshot");
        }
    }

    @Test
    void sseStreamsOfSeveralChannelsResumeEachChannel() throws Exception {
        String a = "match:resume-sse-a";
        String b = "match:resume-sse-b";
        publish(a, "ea", 3);
        publish(b, "eb", 5);
        String query = "channel=" + a + "&channel=" + b;
        String lastId;
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of())) {
            sse.next(WAIT);
            SseClient.Event second = sse.next(WAIT);
            assertThat(second.id()).isEqualTo(a + "=ea:3 " + b + "=eb:5");
            lastId = second.id();
        }
        feed.deltas(a, "ea", 4, 4);
        feed.deltas(b, "eb", 6, 7);
        awaitVersion(b, "eb", 7);
        awaitVersion(a, "ea", 4);
        try (SseClient sse = SseClient.open(gateway.port(), query, Map.of("Last-Event-ID", lastId))) {
            List<SseClient.Event> events = List.of(sse.next(WAIT), sse.next(WAIT), sse.next(WAIT));
            assertThat(events).extracting(SseClient.Event::event).containsOnly("delta");
            assertThat(events).extracting(e -> e.data().get("channel").asText() + "@" + e.data().get("to").asLong())
                    .containsExactlyInAnyOrder(a + "@4", b + "@6", b + "@7");
            assertThat(events.get(2).id()).contains(a + "=ea:4").contains(b + "=eb:7");
        }
    }
}
