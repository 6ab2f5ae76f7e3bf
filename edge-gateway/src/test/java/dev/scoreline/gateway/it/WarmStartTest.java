package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.GatewayConfig;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.WsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A gateway that starts after the data was published (or restarts) serves correct snapshots as
 * soon as it reports ready, from the compacted snapshot topic and the retained deltas.
 */
class WarmStartTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static JsonNode snapshot(EdgeGateway gateway, String channel) {
        HttpResponse<String> r = Http.get(gateway.port(), "/v1/channels/" + channel);
        assertThat(r.statusCode()).as(channel).isEqualTo(200);
        return Http.json(r);
    }

    private static void assertServes(EdgeGateway gateway, String channel, String epoch, long version) {
        JsonNode s = snapshot(gateway, channel);
        assertThat(s.get("epoch").asText()).as(channel + " epoch").isEqualTo(epoch);
        assertThat(s.get("version").asLong()).as(channel + " version").isEqualTo(version);
        assertThat(s.get("state")).as(channel + " state").isEqualTo(Feed.state(version));
    }

    @Test
    void aGatewayStartedAfterTheDataServesCorrectSnapshotsAtOnceAndAfterARestart() throws Exception {
        Broker.Topics topics = Broker.topics(2);
        try (Feed feed = new Feed(topics)) {
            // a snapshot, then deltas past it
            feed.snapshot("match:w1", "e1", 5);
            feed.deltas("match:w1", "e1", 1, 12);
            // deltas only, from the first
            feed.deltas("match:w2", "e1", 1, 7);
            // rebuilt: epoch e2 replaced e1 in both topics
            feed.snapshot("match:w3", "e1", 4);
            feed.deltas("match:w3", "e1", 1, 6);
            feed.snapshot("match:w3", "e2", 3);
            feed.deltas("match:w3", "e2", 4, 5);
            // the delta topic still holds e1 from its start, the snapshot topic only e2
            feed.deltas("match:w4", "e1", 1, 3);
            feed.snapshot("match:w4", "e2", 2);
            feed.deltas("match:w4", "e2", 3, 4);
            // a gap: version 6 was lost
            feed.snapshot("match:w5", "e1", 3);
            feed.deltas("match:w5", "e1", 4, 5);
            feed.deltas("match:w5", "e1", 7, 8);

            for (int start = 0; start < 2; start++) {
                try (EdgeGateway gateway = Gateways.start(topics)) {
                    assertServes(gateway, "match:w1", "e1", 12);
                    assertServes(gateway, "match:w2", "e1", 7);
                    assertServes(gateway, "match:w3", "e2", 5);
                    assertServes(gateway, "match:w4", "e2", 4);
                    if (start == 0) {
                        assertServes(gateway, "match:w5", "e1", 5);
                        // the job's next periodic snapshot heals the gap
                        feed.snapshot("match:w5", "e1", 8);
                        Await.until("the gap healed", WAIT,
                                () -> snapshot(gateway, "match:w5").get("version").asLong() == 8);
                    }
                    assertServes(gateway, "match:w5", "e1", 8);
                    try (WsClient c = WsClient.connect(gateway.port())) {
                        c.subscribe("match:w1");
                        JsonNode first = c.next(WAIT);
                        assertThat(first.get("version").asLong()).isEqualTo(12);
                        assertThat(first.get("state")).isEqualTo(Feed.state(12));
                    }
                }
            }
        }
    }

    @Test
    void healthIs503UntilTheFeedHasCaughtUp() {
        Broker.Topics topics = Broker.names();
        GatewayConfig config = Gateways.config(topics).build();
        try (EdgeGateway gateway = new EdgeGateway(config).start()) {
            HttpResponse<String> warming = Http.get(gateway.port(), "/healthz");
            assertThat(warming.statusCode()).isEqualTo(503);
            assertThat(Http.json(warming).get("status").asText()).isEqualTo("warming-up");
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_ready")).isZero();

            topics.create(1);
            try (Feed feed = new Feed(topics)) {
                feed.snapshot("match:h1", "e1", 2);
            }
            Await.until("ready", WAIT, () -> Http.get(gateway.port(), "/healthz").statusCode() == 200);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_ready")).isEqualTo(1);
            Await.until("the snapshot", WAIT, () -> Http.get(gateway.port(), "/v1/channels/match:h1").statusCode() == 200);
        }
    }
}
