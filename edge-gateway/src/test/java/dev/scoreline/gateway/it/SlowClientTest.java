package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.RawWebSocket;
import dev.scoreline.testkit.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading must not delay the others: it is conflated, then closed with 1013,
 * while the others keep receiving every delta promptly. The slow client is a raw socket that
 * upgrades by hand and then never reads, with small socket buffers on both ends so that TCP
 * back-pressure reaches the gateway after a few kilobytes.
 */
class SlowClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The bound this test puts on the delay seen by the clients that keep reading. */
    private static final long MAX_DELAY_MILLIS = 2000;
    private static final int DELTAS = 300;

    @Test
    void aClientThatStopsReadingIsConflatedThenClosedWhileTheOthersKeepUp() throws Exception {
        Broker.Topics topics = Broker.topics(1);
        String channel = "match:slow";
        try (Feed feed = new Feed(topics);
                EdgeGateway gateway = Gateways.start(topics, b -> b
                        .queueBytes(64 * 1024)
                        .writeWindowBytes(16 * 1024)
                        .maxConflations(2)
                        .conflationWindow(Duration.ofMinutes(1))
                        .socketSendBufferBytes(8 * 1024)
                        .closeGrace(Duration.ofSeconds(30)))) {
            feed.snapshot(channel, "e1", 1);
            Await.until("the channel", WAIT, () -> Http.get(gateway.port(), "/v1/channels/" + channel).statusCode() == 200);

            RawWebSocket slow = RawWebSocket.connect(gateway.port(), 4096);
            slow.sendText("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\"}");
            List<WsClient> fast = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                WsClient c = WsClient.connect(gateway.port());
                c.subscribe(channel);
                assertThat(c.next(WAIT).get("type").asText()).isEqualTo("snapshot");
                fast.add(c);
            }

            // 300 deltas of ~2 KB each: far more than the slow client's buffers and queue hold, in
            // bursts of 10 (20 KB) that a client that reads keeps up with even on a busy machine
            // (all at once, a reader descheduled for a moment overflowed its 64 KB queue too)
            String padding = "x".repeat(2000);
            for (long v = 2; v <= DELTAS + 1; v++) {
                ObjectNode patch = Json.object().put("last", (int) v).put("padding", padding)
                        .put("sentAt", System.currentTimeMillis());
                feed.delta(new Delta(channel, "e1", v, v, patch));
                if (v % 10 == 0) {
                    Thread.sleep(20);
                }
            }

            for (WsClient c : fast) {
                long version = 1;
                long worstDelay = 0;
                while (version < DELTAS + 1) {
                    WsClient.Received r = c.nextReceived(WAIT);
                    JsonNode m = r.message();
                    assertThat(m.get("type").asText()).isEqualTo("delta");
                    assertThat(m.get("from").asLong()).as("every delta, in order").isEqualTo(version + 1);
                    version = m.get("to").asLong();
                    worstDelay = Math.max(worstDelay, r.atMillis() - m.get("patch").get("sentAt").asLong());
                }
                assertThat(worstDelay).as("delay of a client that keeps reading, ms").isLessThan(MAX_DELAY_MILLIS);
                c.close();
            }

            Await.until("the slow client closed", WAIT,
                    () -> Http.metric(gateway.port(), "scoreline_gateway_closes_total{reason=\"too-slow\"}") == 1);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_conflations_total")).isGreaterThanOrEqualTo(3);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_dropped_messages_total")).isGreaterThan(0);

            // it reads again: what was already on its way, then the close frame with the reason
            RawWebSocket.Frame close = slow.readUntilClose();
            assertThat(close.closeCode()).isEqualTo(1013);
            assertThat(close.closeReason()).contains("too slow");
            slow.close();
        }
    }
}
