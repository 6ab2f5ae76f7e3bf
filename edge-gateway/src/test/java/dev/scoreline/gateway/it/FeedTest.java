package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the feed does with records the job would never publish, and with a partition subset. */
class FeedTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void badRecordsAreCountedAndSkippedAndTheFeedGoesOn() {
        Broker.Topics topics = Broker.topics(1);
        try (Feed feed = new Feed(topics); EdgeGateway gateway = Gateways.start(topics)) {
            feed.raw(topics.deltas(), null, "match:x", utf8("not json"));
            feed.raw(topics.deltas(), null, "match:x", utf8("{\"channel\":\"score:1\",\"epoch\":\"e\",\"from\":1,\"to\":1,\"patch\":{}}"));
            feed.raw(topics.deltas(), null, "match:x", utf8("{\"channel\":\"match:x\",\"epoch\":\"e\",\"from\":5,\"to\":2,\"patch\":{}}"));
            feed.raw(topics.deltas(), null, "match:x", utf8("{\"channel\":\"match:x\",\"from\":1,\"to\":1,\"patch\":{}}"));
            feed.raw(topics.deltas(), null, "match:x", utf8("{\"channel\":\"match:x\",\"epoch\":\"a b\",\"from\":1,\"to\":1,\"patch\":{}}"));
            feed.raw(topics.snapshots(), null, "match:x", utf8("{\"channel\":\"match:x\",\"epoch\":\"e\",\"version\":1,\"state\":[1]}"));
            feed.raw(topics.snapshots(), null, "match:x", null);
            feed.deltas("match:x", "e1", 1, 2);
            Await.until("the good deltas", WAIT, () -> Http.get(gateway.port(), "/v1/channels/match:x").statusCode() == 200
                    && Http.json(Http.get(gateway.port(), "/v1/channels/match:x")).get("version").asLong() == 2);
            assertThat(Http.json(Http.get(gateway.port(), "/v1/channels/match:x")).get("state")).isEqualTo(Feed.state(2));
            assertThat(Http.metric(gateway.port(),
                    "scoreline_gateway_feed_records_total{outcome=\"rejected\",topic=\"" + topics.deltas() + "\"}")).isEqualTo(5);
            assertThat(Http.metric(gateway.port(),
                    "scoreline_gateway_feed_records_total{outcome=\"rejected\",topic=\"" + topics.snapshots() + "\"}")).isEqualTo(1);
            assertThat(Http.metric(gateway.port(),
                    "scoreline_gateway_feed_records_total{outcome=\"tombstone\",topic=\"" + topics.snapshots() + "\"}")).isEqualTo(1);
            assertThat(Http.get(gateway.port(), "/healthz").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aShardedGatewayServesItsPartitionsOnly() {
        Broker.Topics topics = Broker.topics(2);
        try (Feed feed = new Feed(topics)) {
            feed.snapshotInto(0, "match:p0", "e1", 3);
            feed.snapshotInto(1, "match:p1", "e1", 4);
            try (EdgeGateway shard0 = Gateways.start(topics, b -> b.partitions(Set.of(0)));
                    EdgeGateway shard1 = Gateways.start(topics, b -> b.partitions(Set.of(1)));
                    EdgeGateway all = Gateways.start(topics)) {
                assertThat(Http.get(shard0.port(), "/v1/channels/match:p0").statusCode()).isEqualTo(200);
                assertThat(Http.get(shard0.port(), "/v1/channels/match:p1").statusCode()).isEqualTo(404);
                assertThat(Http.get(shard1.port(), "/v1/channels/match:p1").statusCode()).isEqualTo(200);
                assertThat(Http.get(shard1.port(), "/v1/channels/match:p0").statusCode()).isEqualTo(404);
                assertThat(Json.tree(Http.get(all.port(), "/v1/channels?prefix=match:").body()).get("channels")).hasSize(2);
            }
        }
    }
}
