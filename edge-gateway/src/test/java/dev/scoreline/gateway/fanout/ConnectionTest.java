package dev.scoreline.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.metrics.GatewayMetrics;
import dev.scoreline.gateway.metrics.PromText;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    private static final String A = "match:a";
    private static final String B = "match:b";

    private final AtomicLong clock = new AtomicLong();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final FakeSink sink = new FakeSink();
    private FanoutLimits limits = new FanoutLimits(4096, 1024, 2, Duration.ofSeconds(60), Duration.ofSeconds(10));
    private Hubs hubs;
    private Connection conn;

    @BeforeEach
    void setUp() {
        open();
    }

    private void open() {
        hubs = new Hubs(64, limits.maxReplayBytes());
        conn = new Connection(1, "websocket", sink, limits, metrics, clock::get);
    }

    /** The state at version v: a score and a padding field of {@code pad} bytes. */
    private static ObjectNode state(long v, int pad) {
        ObjectNode s = Json.object();
        s.put("score", (int) v);
        s.put("pad", "p".repeat(pad));
        return s;
    }

    private void snapshot(String channel, long v, int pad) {
        hubs.apply(new Snapshot(channel, "e1", v, state(v, pad)), false);
    }

    /** A delta that moves the score to v and carries {@code noise} bytes of a field of its own. */
    private void delta(String channel, long v, int noise) {
        ObjectNode patch = Json.object().put("score", (int) v).put("noise", "n".repeat(noise));
        hubs.apply(new Delta(channel, "e1", v, v, patch), System.currentTimeMillis(), false);
    }

    private static JsonNode fold(List<Frame> frames, String channel) {
        JsonNode state = null;
        long version = -1;
        for (Frame f : frames) {
            if (!channel.equals(f.channel()) || !f.isState()) {
                continue;
            }
            JsonNode msg = Json.tree(f.json());
            if (f.kind() == Frame.Kind.SNAPSHOT) {
                state = msg.get("state");
                version = f.to();
            } else {
                assertThat(f.from() - 1).as("no gap before " + f).isLessThanOrEqualTo(version);
                state = MergePatch.apply(state, msg.get("patch"));
                version = f.to();
            }
        }
        return state;
    }

    private String scrape() {
        return new String(metrics.scrapeText(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aSubscriberGetsTheSnapshotThenEveryDeltaInOrder() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        for (long v = 2; v <= 5; v++) {
            delta(A, v, 5);
            sink.drain();
        }
        List<Frame> written = sink.written();
        assertThat(written).extracting(Frame::kind).containsExactly(
                Frame.Kind.SNAPSHOT, Frame.Kind.DELTA, Frame.Kind.DELTA, Frame.Kind.DELTA, Frame.Kind.DELTA);
        assertThat(written).extracting(Frame::to).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fold(written, A)).isEqualTo(Json.tree(hubs.snapshot(A).orElseThrow().json()).get("state"));
    }

    @Test
    void framesQueuedBeforeTheTransportGetsToThemGoOutInOneWrite() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        for (long v = 2; v <= 6; v++) {
            delta(A, v, 5);
        }
        assertThat(sink.tasks).as("one pass of the transport thread asked for, however many frames").hasSize(1);
        sink.runTasks();
        assertThat(sink.writes).hasSize(2);
        assertThat(sink.writes.get(1)).extracting(Frame::to).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void theChangesOfABatchReachAConnectionInOneWriteWhenTheBatchEnds() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        try (Hubs.Batch batch = hubs.batch()) {
            for (long v = 2; v <= 6; v++) {
                batch.apply(new Delta(A, "e1", v, v, Json.object().put("score", (int) v)), 0, false);
            }
            assertThat(sink.tasks).as("the transport thread is not asked before the batch ends").isEmpty();
        }
        assertThat(sink.tasks).hasSize(1);
        sink.runTasks();
        assertThat(sink.writes.get(sink.writes.size() - 1)).extracting(Frame::to).containsExactly(2L, 3L, 4L, 5L, 6L);

        try (Hubs.Batch batch = hubs.batch()) {
            for (long v = 7; v < 7 + Hubs.Batch.KICK_EVERY; v++) {
                batch.apply(new Delta(A, "e1", v, v, Json.object().put("score", (int) v)), 0, false);
            }
            assertThat(sink.tasks).as("a long batch wakes the transport thread as it goes").isNotEmpty();
        }
    }

    @Test
    void noMoreThanTheWriteWindowIsHandedToTheTransportAtOnce() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        for (long v = 2; v <= 9; v++) {
            delta(A, v, 300);
        }
        sink.runTasks();
        long inFlight = sink.writes.get(sink.writes.size() - 1).stream().mapToLong(Frame::size).sum();
        assertThat(inFlight).isLessThanOrEqualTo(limits.writeWindowBytes());
        int writesBefore = sink.writes.size();
        sink.runTasks();
        assertThat(sink.writes).as("nothing more until the client reads").hasSize(writesBefore);
        sink.drain();
        assertThat(sink.written()).extracting(Frame::to).endsWith(9L);
        assertThat(fold(sink.written(), A)).isEqualTo(Json.tree(hubs.snapshot(A).orElseThrow().json()).get("state"));
    }

    @Test
    void aLaggingConnectionGetsOneFreshSnapshotInsteadOfItsBacklog() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        // the client stops reading: the window fills, then the queue
        long v = 1;
        while (PromText.value(scrape(), "scoreline_gateway_conflations_total") == 0) {
            delta(A, ++v, 200);
            sink.runTasks();
        }
        long conflatedAt = v;
        int handedOver = sink.written().size();
        // it reads again: after what the transport already had comes one snapshot, no backlog
        sink.drain();
        List<Frame> after = sink.written().subList(handedOver, sink.written().size());
        assertThat(after).extracting(Frame::kind).containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(after.get(0).to()).isEqualTo(conflatedAt);
        assertThat(fold(sink.written(), A)).isEqualTo(state(conflatedAt, 10).put("noise", "n".repeat(200)));
        assertThat(conn.isOpen()).isTrue();
        assertThat(PromText.value(scrape(), "scoreline_gateway_dropped_messages_total")).isGreaterThan(0);
    }

    @Test
    void aConnectionThatKeepsFallingBehindIsClosedAsTooSlow() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        long v = 1;
        while (conn.isOpen() && v < 1000) {
            delta(A, ++v, 200);
            sink.runTasks();
        }
        assertThat(conn.isOpen()).isFalse();
        assertThat(sink.closedWith).isEqualTo(CloseReason.TOO_SLOW);
        assertThat(sink.closedWith.code()).isEqualTo(1013);
        assertThat(sink.closeDetail).contains("fell behind 3 times");
        String text = scrape();
        assertThat(PromText.value(text, "scoreline_gateway_conflations_total")).isEqualTo(limits.maxConflations() + 1);
        assertThat(PromText.value(text, "scoreline_gateway_closes_total{reason=\"too-slow\"}")).isEqualTo(1);

        int writes = sink.writes.size();
        delta(A, ++v, 10);
        sink.runTasks();
        assertThat(sink.writes).as("nothing more for a closed connection").hasSize(writes);
    }

    @Test
    void conflationsOutsideTheWindowDoNotAddUp() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.drain();
        long v = 1;
        for (int round = 0; round < 5; round++) {
            double before = PromText.value(scrape(), "scoreline_gateway_conflations_total");
            while (PromText.value(scrape(), "scoreline_gateway_conflations_total") == before) {
                delta(A, ++v, 200);
                sink.runTasks();
            }
            sink.drain();
            clock.addAndGet(limits.conflationWindow().toNanos() + 1);
        }
        assertThat(conn.isOpen()).isTrue();
    }

    @Test
    void aBacklogStillOverTheLimitAfterConflationCloses() {
        snapshot(A, 1, 10);
        snapshot(B, 1, 3000);
        hubs.subscribe(conn, A, null);
        sink.drain();
        // the client stops reading; B's snapshot fills the queue
        delta(A, 2, 1100);
        sink.runTasks();
        hubs.subscribe(conn, B, null);
        delta(A, 3, 10);
        sink.runTasks();
        assertThat(conn.isOpen()).isFalse();
        sink.runTasks();
        assertThat(sink.closedWith).isEqualTo(CloseReason.TOO_SLOW);
        assertThat(sink.closeDetail).contains("even after conflation");
    }

    @Test
    void writesThatStopMovingCloseTheConnection() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        sink.runTasks();
        clock.addAndGet(limits.stallTimeout().toNanos() / 2);
        conn.checkStall();
        assertThat(conn.isOpen()).isTrue();
        sink.confirmAll();
        delta(A, 2, 10);
        sink.runTasks();
        clock.addAndGet(limits.stallTimeout().toNanos() / 2 + 1);
        conn.checkStall();
        assertThat(conn.isOpen()).as("progress was made half a time-out ago").isTrue();
        clock.addAndGet(limits.stallTimeout().toNanos());
        conn.checkStall();
        assertThat(conn.isOpen()).isFalse();
        sink.runTasks();
        assertThat(sink.closedWith).isEqualTo(CloseReason.TOO_SLOW);
    }

    @Test
    void unsubscribingDropsWhatWaitsAndStopsTheChannel() {
        snapshot(A, 1, 10);
        snapshot(B, 1, 10);
        hubs.subscribe(conn, A, null);
        hubs.subscribe(conn, B, null);
        delta(A, 2, 10);
        conn.unsubscribe(A, hubs);
        delta(A, 3, 10);
        delta(B, 2, 10);
        sink.drain();
        assertThat(sink.written()).extracting(Frame::channel).containsOnly(B);
        assertThat(conn.isSubscribed(A)).isFalse();
        assertThat(conn.isSubscribed(B)).isTrue();
    }

    @Test
    void errorsAndRepliesGoOutInOrderWithTheChannelsFrames() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        conn.sendError("forbidden", "no", "table:x");
        conn.send(Frame.pong());
        sink.drain();
        assertThat(sink.written()).extracting(Frame::kind)
                .containsExactly(Frame.Kind.SNAPSHOT, Frame.Kind.ERROR, Frame.Kind.PONG);
        assertThat(PromText.value(scrape(), "scoreline_gateway_error_messages_total{code=\"forbidden\"}")).isEqualTo(1);
    }

    @Test
    void aClosedTransportLeavesEveryChannelAndTheGauges() {
        snapshot(A, 1, 10);
        hubs.subscribe(conn, A, null);
        hubs.subscribe(conn, B, null);
        String text = scrape();
        assertThat(PromText.value(text, "scoreline_gateway_subscriptions")).isEqualTo(2);
        assertThat(PromText.value(text, "scoreline_gateway_connections{transport=\"websocket\"}")).isEqualTo(1);
        conn.closed(hubs);
        text = scrape();
        assertThat(PromText.value(text, "scoreline_gateway_subscriptions")).isZero();
        assertThat(PromText.value(text, "scoreline_gateway_connections{transport=\"websocket\"}")).isZero();
        assertThat(PromText.value(text, "scoreline_gateway_closes_total{reason=\"peer\"}")).isEqualTo(1);
        assertThat(hubs.list(name -> true)).extracting(Hub.Summary::channel).containsExactly(A);
    }

    @Test
    void aSubscriptionToAnUnknownChannelGetsItsFirstStateAsASnapshot() {
        hubs.subscribe(conn, A, null);
        sink.drain();
        assertThat(sink.written()).isEmpty();
        hubs.apply(new Delta(A, "e1", 1, 3, state(3, 5)), 0, false);
        sink.drain();
        assertThat(sink.written()).extracting(Frame::kind).containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(Json.tree(sink.written().get(0).json()).get("state")).isEqualTo(state(3, 5));
    }
}
