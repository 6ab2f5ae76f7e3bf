package dev.scoreline.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.gateway.EdgeGateway;
import dev.scoreline.gateway.metrics.PromText;
import dev.scoreline.json.Json;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.SseClient;
import dev.scoreline.testkit.WsClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics} counts what the clients of this test saw, exactly. */
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void metricsReflectConnectionsSubscriptionsAndMessages() throws Exception {
        Broker.Topics topics = Broker.topics(1);
        String channel = "match:metrics";
        try (Feed feed = new Feed(topics); EdgeGateway gateway = Gateways.start(topics)) {
            feed.snapshot(channel, "e1", 1);
            Await.until("the channel", WAIT, () -> Http.get(gateway.port(), "/v1/channels/" + channel).statusCode() == 200);
            WsClient a = WsClient.connect(gateway.port());
            WsClient b = WsClient.connect(gateway.port());
            a.subscribe(channel);
            b.subscribe(channel);
            long bytes = 0;
            bytes += size(a.next(WAIT)) + size(b.next(WAIT));
            try (SseClient sse = SseClient.open(gateway.port(), "channel=" + channel, Map.of())) {
                bytes += size(sse.next(WAIT).data());
                feed.deltas(channel, "e1", 2, 6);
                for (int i = 0; i < 5; i++) {
                    bytes += size(a.next(WAIT)) + size(b.next(WAIT)) + size(sse.next(WAIT).data());
                }

                HttpResponse<String> response = Http.get(gateway.port(), "/metrics");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
                String text = response.body();
                assertThat(PromText.value(text, "scoreline_gateway_connections{transport=\"websocket\"}")).isEqualTo(2);
                assertThat(PromText.value(text, "scoreline_gateway_connections{transport=\"sse\"}")).isEqualTo(1);
                assertThat(PromText.value(text, "scoreline_gateway_subscriptions")).isEqualTo(3);
                assertThat(PromText.value(text, "scoreline_gateway_messages_out_total{type=\"snapshot\"}")).isEqualTo(3);
                assertThat(PromText.value(text, "scoreline_gateway_messages_out_total{type=\"delta\"}")).isEqualTo(15);
                assertThat(PromText.value(text, "scoreline_gateway_bytes_out_total")).isEqualTo(bytes);
                // one observation per write holding deltas: at least one per connection, at most one per delta
                double ages = PromText.value(text, "scoreline_gateway_delta_age_seconds_count");
                assertThat(ages).isBetween(3.0, 15.0);
                assertThat(PromText.value(text, "scoreline_gateway_delta_age_seconds_bucket{le=\"+Inf\"}")).isEqualTo(ages);
                assertThat(PromText.value(text,
                        "scoreline_gateway_feed_records_total{outcome=\"applied\",topic=\"" + topics.deltas() + "\"}")).isEqualTo(5);
                assertThat(PromText.value(text,
                        "scoreline_gateway_feed_records_total{outcome=\"reset\",topic=\"" + topics.snapshots() + "\"}")).isEqualTo(1);
                assertThat(text).contains("scoreline_gateway_kafka_lag_records{partition=\"0\",topic=\"" + topics.deltas() + "\"} 0");
                assertThat(PromText.value(text, "scoreline_gateway_channels")).isEqualTo(1);
                assertThat(PromText.value(text, "scoreline_gateway_ready")).isEqualTo(1);
                assertThat(text).contains("jvm_memory_used_bytes");
            }
            a.close();
            Await.until("the closes counted", WAIT, () -> Http.metric(gateway.port(), "scoreline_gateway_closes_total{reason=\"peer\"}") == 2);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_connections{transport=\"websocket\"}")).isEqualTo(1);
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_connections{transport=\"sse\"}")).isZero();
            assertThat(Http.metric(gateway.port(), "scoreline_gateway_subscriptions")).isEqualTo(1);
            b.close();
        }
    }

    private static long size(JsonNode message) {
        return Json.bytes(message).length;
    }
}
