package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.ChannelView;
import dev.scoreline.testkit.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebSocket subscribers get a snapshot, then every delta in order, from a real Kafka feed. */
class FanoutTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Broker.Topics topics;
    private static Feed feed;
    private static EdgeGateway gateway;

    @BeforeAll
    static void start() {
        topics = Broker.topics(2);
        feed = new Feed(topics);
        gateway = Gateways.start(topics);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        feed.close();
    }

    @Test
    void subscribersGetASnapshotThenEveryDeltaInOrderAndEndAtTheHttpSnapshot() throws Exception {
        String channel = "match:fanout-1";
        feed.snapshot(channel, "e1", 3);
        Await.until("the snapshot", WAIT, () -> Http.get(gateway.port(), "/v1/channels/" + channel).statusCode() == 200);

        List<WsClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WsClient c = WsClient.connect(gateway.port());
            c.subscribe(channel);
            clients.add(c);
        }
        for (WsClient c : clients) {
            JsonNode first = c.next(WAIT);
            assertThat(first.get("type").asText()).isEqualTo("snapshot");
            assertThat(first.get("version").asLong()).isEqualTo(3);
            assertThat(first.get("state")).isEqualTo(Feed.state(3));
        }
        feed.deltas(channel, "e1", 4, 20);

        JsonNode httpSnapshot = null;
        for (WsClient c : clients) {
            JsonNode state = Feed.state(3);
            long version = 3;
            while (version < 20) {
                JsonNode m = c.next(WAIT);
                assertThat(m.get("type").asText()).isEqualTo("delta");
                assertThat(m.get("channel").asText()).isEqualTo(channel);
                assertThat(m.get("from").asLong()).as("in order, no gap").isEqualTo(version + 1);
                state = MergePatch.apply(state, m.get("patch"));
                version = m.get("to").asLong();
            }
            assertThat(state).isEqualTo(Feed.state(20));
            if (httpSnapshot == null) {
                httpSnapshot = Http.json(Http.get(gateway.port(), "/v1/channels/" + channel));
            }
            assertThat(httpSnapshot.get("version").asLong()).isEqualTo(20);
            assertThat(state).isEqualTo(httpSnapshot.get("state"));
            c.close();
        }
    }

    @Test
    void aThousandConnectionsOnAHundredChannelsGetEveryInterleavedDeltaOnceAndInOrder() {
        int channels = 100;
        int perConnection = 10;
        long last = 21;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            names.add("match:many-" + c);
            feed.snapshot(names.get(c), "e1", 1);
        }
        for (String name : names) {
            Await.until("the snapshot of " + name, WAIT, () -> Http.get(gateway.port(), "/v1/channels/" + name).statusCode() == 200);
        }
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 1000; i++) {
                WsClient c = WsClient.connect(gateway.port());
                // ten channels each, a hundred subscribers per channel, every connection on a different mix
                for (int k = 0; k < perConnection; k++) {
                    c.subscribe(names.get((i + k * (channels / perConnection)) % channels));
                }
                clients.add(c);
            }
            for (int i = 0; i < clients.size(); i++) {
                for (int k = 0; k < perConnection; k++) {
                    clients.get(i).awaitVersion(names.get((i + k * (channels / perConnection)) % channels), 1, WAIT);
                }
            }
            for (long v = 2; v <= last; v++) {
                for (String name : names) {
                    feed.delta(Feed.delta(name, "e1", v, v));
                }
            }
            for (int i = 0; i < clients.size(); i++) {
                for (int k = 0; k < perConnection; k++) {
                    String name = names.get((i + k * (channels / perConnection)) % channels);
                    ChannelView view = clients.get(i).awaitVersion(name, last, WAIT);
                    assertThat(view.snapshots()).as(i + " " + name + ": one snapshot, no conflation").hasSize(1);
                    assertThat(view.arrivals()).as(i + " " + name + ": each delta once, in order")
                            .extracting(a -> a.delta().from())
                            .containsExactlyElementsOf(LongStream.rangeClosed(2, last).boxed().toList());
                    assertThat(view.gaps() + view.stale() + view.appliedTwice()).isZero();
                    assertThat(view.state()).isEqualTo(Feed.state(last));
                }
                assertThat(clients.get(i).errors()).isEmpty();
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void aChannelThatDoesNotExistYetStartsWithASnapshotWhenItDoes() {
        String channel = "match:fanout-later";
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe(channel);
            feed.deltas(channel, "e1", 1, 2);
            JsonNode first = c.next(WAIT);
            assertThat(first.get("type").asText()).isEqualTo("snapshot");
            JsonNode state = first.get("state");
            long version = first.get("version").asLong();
            while (version < 2) {
                JsonNode m = c.next(WAIT);
                state = MergePatch.apply(state, m.get("patch"));
                version = m.get("to").asLong();
            }
            assertThat(state).isEqualTo(Feed.state(2));
        }
    }

    @Test
    void unsubscribedChannelsGoQuietWhileOthersContinue() throws Exception {
        String a = "match:fanout-a";
        String b = "match:fanout-b";
        feed.snapshot(a, "e1", 1);
        feed.snapshot(b, "e1", 1);
        Await.until("both channels", WAIT, () -> Http.get(gateway.port(), "/v1/channels/" + b).statusCode() == 200
                && Http.get(gateway.port(), "/v1/channels/" + a).statusCode() == 200);
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe(a);
            c.subscribe(b);
            c.next(WAIT);
            c.next(WAIT);
            c.send("{\"type\":\"unsubscribe\",\"channel\":\"" + a + "\"}");
            c.send("{\"type\":\"ping\"}");
            assertThat(c.next(WAIT).get("type").asText()).isEqualTo("pong");
            feed.deltas(a, "e1", 2, 3);
            feed.deltas(b, "e1", 2, 2);
            JsonNode m = c.next(WAIT);
            assertThat(m.get("channel").asText()).isEqualTo(b);
            assertThat(c.silentFor(Duration.ofMillis(500))).isTrue();
        }
    }
}
