package dev.scoreline.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import dev.scoreline.wire.ClientMessage.Position;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoSubscriptionsTest {

    private final AutoSubscriptions auto = AutoSubscriptions.of(List.of("scores", "match:a"));

    @Test
    void sinceSplitsAtTheLastTwoColonsSoTheChannelsOwnColonStays() {
        AutoSubscriptions.Start start = auto.start(List.of("scores:e1:42", "match:a:e7:0"));
        assertThat(start.problems()).isEmpty();
        assertThat(start.since()).isEqualTo(Map.of(
                "scores", new Position("e1", 42),
                "match:a", new Position("e7", 0)));
    }

    @Test
    void sinceThatCannotBeUsedIsAProblemNamingItsChannelWhenItHasOne() {
        AutoSubscriptions.Start start = auto.start(List.of(
                "scores", "scores:e1", ":e1:3", "scores::3", "match:1:e1:3", "scores:e1:-1", "scores:e1:x",
                "match:a:e1:1", "match:a:e1:2"));
        assertThat(start.since()).isEmpty();
        assertThat(start.problems()).extracting(AutoSubscriptions.Problem::channel)
                .containsExactly(null, null, null, null, "match:1", "scores", "scores", "match:a");
        assertThat(start.problems()).extracting(AutoSubscriptions.Problem::code)
                .containsExactly("bad-request", "bad-request", "bad-request", "bad-request", "not-auto-subscribed",
                        "bad-request", "bad-request", "bad-request");
        assertThat(start.problems().get(0).message()).isEqualTo("since 'scores' is not <channel>:<epoch>:<version>");
        assertThat(start.problems().get(4).message()).startsWith("since names 'match:1', which this gateway does not");
        assertThat(start.problems().get(5).message()).contains("the version must be a whole number >= 0, got '-1'");
        assertThat(start.problems().get(7).message()).contains("more than once");
    }

    @Test
    void aConnectionResumesFromTheRingGetsASnapshotWithoutPositionAndTheFirstStateOfAnUnknownChannel() {
        FanoutLimits limits = new FanoutLimits(1 << 20, 1 << 20, 2, Duration.ofSeconds(60), Duration.ofSeconds(10));
        Hubs hubs = new Hubs(64, limits.maxReplayBytes());
        hubs.apply(new Snapshot("scores", "e1", 1, Json.object().put("n", 1)), false);
        for (int v = 2; v <= 4; v++) {
            hubs.apply(new Delta("scores", "e1", v, v, Json.object().put("n", v)), 0, false);
        }

        FakeSink resumed = new FakeSink();
        Connection c1 = new Connection(1, "websocket", resumed, limits, new GatewayMetrics(), System::nanoTime);
        auto.subscribe(c1, hubs, auto.start(List.of("scores:e1:2")).since());
        resumed.drain();
        assertThat(frames(resumed)).containsExactly("delta scores 3..3", "delta scores 4..4");
        assertThat(c1.subscriptionCount()).isEqualTo(2);

        FakeSink fresh = new FakeSink();
        Connection c2 = new Connection(2, "sse", fresh, limits, new GatewayMetrics(), System::nanoTime);
        auto.subscribe(c2, hubs, Map.of());
        fresh.drain();
        assertThat(frames(fresh)).containsExactly("snapshot scores 4..4");

        hubs.apply(new Snapshot("match:a", "e9", 5, Json.object()), false);
        resumed.drain();
        fresh.drain();
        assertThat(frames(resumed)).endsWith("snapshot match:a 5..5");
        assertThat(frames(fresh)).endsWith("snapshot match:a 5..5");
    }

    private static List<String> frames(FakeSink sink) {
        return sink.writes.stream().flatMap(List::stream)
                .map((Frame f) -> f.kind().type() + " " + f.channel() + " " + f.from() + ".." + f.to())
                .toList();
    }
}
