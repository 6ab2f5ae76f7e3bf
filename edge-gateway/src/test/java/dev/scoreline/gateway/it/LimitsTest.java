package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.RawWebSocket;
import dev.scoreline.testkit.SseClient;
import dev.scoreline.testkit.WsClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every limit, with the error or close code it comes with. */
class LimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static Broker.Topics topics;
    private static Feed feed;

    @BeforeAll
    static void start() {
        topics = Broker.topics(1);
        feed = new Feed(topics);
        for (String c : new String[] {"match:l1", "match:l2", "match:l3"}) {
            feed.snapshot(c, "e1", 1);
        }
    }

    @AfterAll
    static void stop() {
        feed.close();
    }

    private static JsonNode error(WsClient c) {
        JsonNode m = c.next(WAIT);
        assertThat(m.get("type").asText()).as(m.toString()).isEqualTo("error");
        return m;
    }

    @Test
    void aMessageOverTheFrameLimitClosesWith1009() {
        try (EdgeGateway gateway = Gateways.start(topics, b -> b.maxFrameBytes(256));
                WsClient c = WsClient.connect(gateway.port())) {
            c.send("{\"type\":\"subscribe\",\"channel\":\"match:l1\",\"pad\":\"" + "x".repeat(300) + "\"}");
            WsClient.Closed closed = c.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1009);
            Await.until("the close counted", WAIT,
                    () -> Http.metric(gateway.port(), "scoreline_gateway_closes_total{reason=\"too-big\"}") == 1);
        }
    }

    @Test
    void subscriptionsPerConnectionAreBounded() {
        try (EdgeGateway gateway = Gateways.start(topics, b -> b.maxSubscriptions(2));
                WsClient c = WsClient.connect(gateway.port())) {
            c.subscribe("match:l1");
            c.subscribe("match:l2");
            c.next(WAIT);
            c.next(WAIT);
            c.subscribe("match:l3");
            JsonNode e = error(c);
            assertThat(e.get("code").asText()).isEqualTo("too-many-subscriptions");
            assertThat(e.get("channel").asText()).isEqualTo("match:l3");
            assertThat(e.get("message").asText()).contains("at most 2");
            c.subscribe("match:l2");
            assertThat(c.next(WAIT).get("type").asText()).as("subscribing again is no new subscription").isEqualTo("snapshot");
            c.send("{\"type\":\"unsubscribe\",\"channel\":\"match:l1\"}");
            c.subscribe("match:l3");
            assertThat(c.next(WAIT).get("channel").asText()).isEqualTo("match:l3");
        }
    }

    @Test
    void connectionsPerGatewayAreBoundedWith503() throws Exception {
        try (EdgeGateway gateway = Gateways.start(topics, b -> b.maxConnections(2))) {
            WsClient a = WsClient.connect(gateway.port());
            try (WsClient b = WsClient.connect(gateway.port())) {
                b.subscribe("match:l1");
                assertThat(b.next(WAIT).get("type").asText()).isEqualTo("snapshot");
                assertThatThrownBy(() -> WsClient.open(gateway.port(), "", Map.of()).join())
                        .isInstanceOf(CompletionException.class)
                        .cause().isInstanceOf(WebSocketHandshakeException.class)
                        .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(503));
                try (SseClient sse = SseClient.open(gateway.port(), "channel=match:l1", Map.of())) {
                    assertThat(sse.status()).isEqualTo(503);
                    assertThat(sse.body()).contains("maximum of 2 connections");
                }
                assertThat(Http.metric(gateway.port(), "scoreline_gateway_rejected_connections_total{reason=\"max-connections\"}"))
                        .isEqualTo(2);
            }
            a.close();
            Await.until("places freed", WAIT,
                    () -> Http.metric(gateway.port(), "scoreline_gateway_connections{transport=\"websocket\"}") == 0);
            try (WsClient again = WsClient.connect(gateway.port())) {
                again.subscribe("match:l1");
                assertThat(again.next(WAIT).get("type").asText()).isEqualTo("snapshot");
            }
        }
    }

    @Test
    void aClientThatAnswersNoPingIsClosedWith1001AndOneThatDoesStays() throws Exception {
        try (EdgeGateway gateway = Gateways.start(topics, b -> b.pingInterval(Duration.ofMillis(200)).idleTimeout(Duration.ofSeconds(1)));
                WsClient polite = WsClient.connect(gateway.port());
                RawWebSocket mute = RawWebSocket.connect(gateway.port(), 0)) {
            long start = System.nanoTime();
            int pings = 0;
            RawWebSocket.Frame f;
            while ((f = mute.read()).opcode() != RawWebSocket.CLOSE) {
                if (f.opcode() == RawWebSocket.PING) {
                    pings++;
                }
            }
            assertThat(pings).as("pinged before being given up").isGreaterThanOrEqualTo(2);
            assertThat(f.closeCode()).isEqualTo(1001);
            assertThat(f.closeReason()).contains("idle");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

            // the JDK client answers pings by itself and is still there
            polite.send("{\"type\":\"ping\"}");
            assertThat(polite.next(WAIT).get("type").asText()).isEqualTo("pong");
            assertThat(polite.isClosed()).isFalse();
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_closes_total{reason=\"idle\"}")).isEqualTo(1);
        }
    }

    @Test
    void malformedMessagesGetReasonsAndRepeatedAbuseClosesWith1008() {
        try (EdgeGateway gateway = Gateways.start(topics, b -> b.maxMalformed(4));
                WsClient c = WsClient.connect(gateway.port())) {
            c.send("this is not json");
            JsonNode e1 = error(c);
            assertThat(e1.get("code").asText()).isEqualTo("bad-request");
            assertThat(e1.get("message").asText()).contains("not JSON");
            c.send("{\"type\":\"shout\"}");
            assertThat(error(c).get("message").asText()).contains("unknown type 'shout'");
            c.send("{\"type\":\"subscribe\",\"channel\":\"match:l1\",\"since\":{\"epoch\":\"e1\",\"version\":\"ten\"}}");
            JsonNode e3 = error(c);
            assertThat(e3.get("message").asText()).contains("since.version");
            assertThat(e3.get("channel").asText()).isEqualTo("match:l1");
            c.send("{\"type\":\"unsubscribe\",\"channel\":\"match:l2\"}");
            assertThat(error(c).get("code").asText()).as("not malformed, just wrong").isEqualTo("not-subscribed");
            c.subscribe("match:l1");
            assertThat(c.next(WAIT).get("type").asText()).as("still served").isEqualTo("snapshot");

            c.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertThat(error(c).get("message").asText()).contains("binary");
            WsClient.Closed closed = c.awaitClose(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).contains("malformed");
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_closes_total{reason=\"abuse\"}")).isEqualTo(1);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_error_messages_total{code=\"bad-request\"}")).isEqualTo(4);
        }
    }
}
