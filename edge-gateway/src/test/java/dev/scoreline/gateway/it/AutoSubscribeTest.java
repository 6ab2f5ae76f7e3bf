package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayMain;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.SseClient;
import dev.scoreline.testkit.WsClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --auto-subscribe scores}: connections that ask for nothing follow the ticker, over
 * WebSocket and SSE alike, resume it from the position they name on reconnecting, and may leave it.
 */
class AutoSubscribeTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String EPOCH = "e1";

    private Feed feed;
    private EdgeGateway gateway;

    private void start(int ringSize, int maxSubscriptions) {
        Broker.Topics topics = Broker.topics(1);
        feed = new Feed(topics);
        gateway = Gateways.start(topics, b -> b.autoSubscribe(List.of(Ticker.CHANNEL)).ringSize(ringSize)
                .maxSubscriptions(maxSubscriptions));
    }

    private void start() {
        start(128, 64);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (feed != null) {
            feed.close();
        }
    }

    /** Publishes the ticker's versions {@code from..to} and waits until the gateway has the last. */
    private void publish(long from, long to) {
        Ticker.publish(feed, EPOCH, from, to);
        Await.until("scores at " + to, WAIT, () -> {
            var r = Http.get(gateway.port(), "/v1/channels/scores");
            return r.statusCode() == 200 && Http.json(r).get("version").asLong() == to;
        });
    }

    /** Applies ticker deltas to {@code state} at {@code version}, failing on any gap; returns the state. */
    private static JsonNode fold(JsonNode state, long version, List<JsonNode> deltas) {
        for (JsonNode d : deltas) {
            assertThat(d.get("type").asText()).as("%s", d).isEqualTo("delta");
            assertThat(d.get("channel").asText()).isEqualTo(Ticker.CHANNEL);
            assertThat(d.get("from").asLong()).as("no gap, no repeat: %s", d).isEqualTo(version + 1);
            state = MergePatch.apply(state, d.get("patch"));
            version = d.get("to").asLong();
        }
        return state;
    }

    private static List<JsonNode> next(WsClient c, int n) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(c.next(WAIT));
        }
        return out;
    }

    @Test
    void aWebSocketClientThatSendsNothingGetsTheTickersSnapshotThenEveryDelta() throws Exception {
        start();
        publish(1, 3);
        try (WsClient c = WsClient.connect(gateway.port())) {
            JsonNode snapshot = c.next(WAIT);
            assertThat(snapshot.get("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.get("channel").asText()).isEqualTo("scores");
            assertThat(snapshot.get("version").asLong()).isEqualTo(3);
            assertThat(snapshot.get("state")).isEqualTo(Ticker.state(3));
            assertThat(snapshot.at("/state/matches/" + Ticker.LIVE + "/score").asText()).isEqualTo(Ticker.score(3));

            Ticker.publish(feed, EPOCH, 4, 6);
            assertThat(fold(snapshot.get("state"), 3, next(c, 3))).isEqualTo(Ticker.state(6));
        }
    }

    @Test
    void aClientConnectedBeforeTheTickerHasAStateGetsItsFirstStateWhenItComes() throws Exception {
        start();
        try (WsClient c = WsClient.connect(gateway.port())) {
            assertThat(c.silentFor(Duration.ofMillis(300))).as("nothing while the ticker has no state").isTrue();
            Ticker.publish(feed, EPOCH, 1, 2);
            JsonNode first = c.next(WAIT);
            assertThat(first.get("type").asText()).isEqualTo("snapshot");
            assertThat(first.get("version").asLong()).isEqualTo(1);
            assertThat(fold(first.get("state"), 1, next(c, 1))).isEqualTo(Ticker.state(2));
        }
    }

    @Test
    void anSseStreamGetsTheTickerWithoutNamingItAndResumesItWithLastEventId() throws Exception {
        start(128, 64);
        publish(1, 3);
        String lastId;
        try (SseClient sse = SseClient.open(gateway.port(), "", Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            SseClient.Event snapshot = sse.next(WAIT);
            assertThat(snapshot.event()).isEqualTo("snapshot");
            assertThat(snapshot.id()).isEqualTo("e1:3");
            assertThat(snapshot.data().get("state")).isEqualTo(Ticker.state(3));
            Ticker.publish(feed, EPOCH, 4, 5);
            List<JsonNode> deltas = new ArrayList<>();
            SseClient.Event last = null;
            for (int i = 0; i < 2; i++) {
                last = sse.next(WAIT);
                assertThat(last.event()).isEqualTo("delta");
                deltas.add(last.data());
            }
            assertThat(fold(snapshot.data().get("state"), 3, deltas)).isEqualTo(Ticker.state(5));
            lastId = last.id();
            assertThat(lastId).isEqualTo("e1:5");
        }
        publish(6, 7);
        try (SseClient sse = SseClient.open(gateway.port(), "", Map.of("Last-Event-ID", lastId))) {
            List<JsonNode> deltas = List.of(sse.next(WAIT).data(), sse.next(WAIT).data());
            assertThat(fold(Ticker.state(5), 5, deltas)).isEqualTo(Ticker.state(7));
        }
    }

    @Test
    void anSseStreamOfNamedChannelsCarriesTheTickersPositionInItsIds() throws Exception {
        start();
        publish(1, 2);
        feed.deltas("match:m1", "m", 1, 1);
        Await.until("match:m1", WAIT, () -> Http.get(gateway.port(), "/v1/channels/match:m1").statusCode() == 200);
        try (SseClient sse = SseClient.open(gateway.port(), "channel=match:m1", Map.of())) {
            List<String> ids = List.of(sse.next(WAIT).id(), sse.next(WAIT).id());
            assertThat(ids).contains("match:m1=m:1 scores=e1:2");
        }
    }

    @Test
    void aReconnectingClientNamingItsPositionGetsTheDeltasItMissedFromTheRing() throws Exception {
        start(8, 64);
        publish(1, 3);
        JsonNode held;
        try (WsClient c = WsClient.connect(gateway.port())) {
            held = c.next(WAIT);
            assertThat(held.get("version").asLong()).isEqualTo(3);
        }
        publish(4, 7);
        try (WsClient c = WsClient.connect(gateway.port(), "since=scores:e1:3", Map.of())) {
            List<JsonNode> missed = next(c, 4);
            assertThat(fold(held.get("state"), 3, missed)).isEqualTo(Ticker.state(7));
            assertThat(c.silentFor(Duration.ofMillis(300))).as("no snapshot besides").isTrue();
            Ticker.publish(feed, EPOCH, 8, 8);
            assertThat(fold(Ticker.state(7), 7, next(c, 1))).isEqualTo(Ticker.state(8));
        }
    }

    @Test
    void aReconnectingClientWhosePositionTheRingNoLongerHoldsGetsASnapshot() {
        start(4, 64);
        publish(1, 12);
        for (String since : List.of("scores:e1:2", "scores:e0:11")) {
            try (WsClient c = WsClient.connect(gateway.port(), "since=" + since, Map.of())) {
                JsonNode m = c.next(WAIT);
                assertThat(m.get("type").asText()).as(since).isEqualTo("snapshot");
                assertThat(m.get("version").asLong()).isEqualTo(12);
                assertThat(m.get("state")).isEqualTo(Ticker.state(12));
            }
        }
    }

    @Test
    void aSinceThatCannotBeUsedIsAnErrorFrameAndTheTickerStartsWithASnapshot() throws Exception {
        start();
        publish(1, 2);
        try (WsClient c = WsClient.connect(gateway.port(), "since=scores:e1:soon&since=match:9:e1:1", Map.of())) {
            List<JsonNode> got = next(c, 3);
            assertThat(got.get(0).get("type").asText()).isEqualTo("error");
            assertThat(got.get(0).get("code").asText()).isEqualTo("bad-request");
            assertThat(got.get(0).get("channel").asText()).isEqualTo("scores");
            assertThat(got.get(0).get("message").asText()).contains("the version must be a whole number");
            assertThat(got.get(1).get("code").asText()).isEqualTo("not-auto-subscribed");
            assertThat(got.get(1).get("channel").asText()).isEqualTo("match:9");
            assertThat(got.get(1).get("message").asText()).contains("since names 'match:9'");
            assertThat(got.get(2).get("type").asText()).isEqualTo("snapshot");
            assertThat(got.get(2).get("state")).isEqualTo(Ticker.state(2));
            c.send("{\"type\":\"ping\"}");
            assertThat(c.next(WAIT).get("type").asText()).as("the connection lives on").isEqualTo("pong");
        }
    }

    @Test
    void anExplicitSubscribeWithSinceRestartsTheAutoSubscriptionFromThere() {
        start();
        publish(1, 5);
        try (WsClient c = WsClient.connect(gateway.port())) {
            assertThat(c.next(WAIT).get("version").asLong()).isEqualTo(5);
            c.send("{\"type\":\"subscribe\",\"channel\":\"scores\",\"since\":{\"epoch\":\"e1\",\"version\":3}}");
            assertThat(fold(Ticker.state(3), 3, next(c, 2))).isEqualTo(Ticker.state(5));
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_subscriptions")).as("still one subscription").isEqualTo(1);
        }
    }

    @Test
    void theTickerCountsTowardsTheSubscriptionsOfAConnection() {
        start(128, 2);
        try (WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe("match:a");
            c.subscribe("match:b");
            JsonNode refused = c.next(WAIT);
            assertThat(refused.get("code").asText()).isEqualTo("too-many-subscriptions");
            assertThat(refused.get("channel").asText()).isEqualTo("match:b");
        }
    }

    @Test
    void unsubscribingStopsTheTickersFrames() throws Exception {
        start();
        publish(1, 1);
        feed.deltas("match:u", "m", 1, 1);
        Await.until("match:u", WAIT, () -> Http.get(gateway.port(), "/v1/channels/match:u").statusCode() == 200);
        try (WsClient c = WsClient.connect(gateway.port())) {
            assertThat(c.next(WAIT).get("channel").asText()).isEqualTo("scores");
            c.subscribe("match:u");
            assertThat(c.next(WAIT).get("channel").asText()).isEqualTo("match:u");
            c.send("{\"type\":\"unsubscribe\",\"channel\":\"scores\"}");
            Await.until("the unsubscribe", WAIT,
                    () -> Http.metric(gateway.port(), "scoreline_gateway_subscriptions") == 1);
            publish(2, 3);
            // published after the ticker's deltas were fanned out: they would have come first
            feed.deltas("match:u", "m", 2, 2);
            List<JsonNode> got = c.until(m -> m.path("channel").asText().equals("match:u"), WAIT);
            assertThat(got).extracting(m -> m.get("channel").asText()).containsExactly("match:u");
            c.send("{\"type\":\"unsubscribe\",\"channel\":\"scores\"}");
            assertThat(c.next(WAIT).get("code").asText()).isEqualTo("not-subscribed");
        }
    }

    @Test
    void startUpRefusesAChannelThatIsNotPublic() throws Exception {
        assertThatThrownBy(() -> Gateways.config(Broker.names()).autoSubscribe(List.of("scores", "table:t1")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table:t1 is not a public channel");

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                GatewayMain.class.getName(), "--bootstrap", "127.0.0.1:1", "--auto-subscribe", "scores,table:t1/seat:p1")
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("gateway: --auto-subscribe: table:t1/seat:p1 is not a public channel")
                .contains("only match:<id> and scores can be auto-subscribed");
    }
}
