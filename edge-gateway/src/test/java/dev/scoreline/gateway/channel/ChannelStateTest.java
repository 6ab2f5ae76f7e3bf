package dev.scoreline.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.channel.Change.Outcome;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.wire.ClientMessage.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelStateTest {

    private static final String CH = "match:42";

    /** The state after {@code v} balls: runs add up 1..v, each ball recorded by position. */
    private static ObjectNode truth(long v) {
        ObjectNode s = Json.object();
        s.put("runs", (int) (v * (v + 1) / 2));
        ObjectNode balls = s.putObject("balls");
        for (long b = 1; b <= v; b++) {
            balls.put(Long.toString(b), (int) b);
        }
        return s;
    }

    /** The delta from..to written by hand from the rule: every field changed, at its value at to. */
    private static Delta delta(String epoch, long from, long to) {
        ObjectNode patch = Json.object();
        patch.put("runs", (int) (to * (to + 1) / 2));
        ObjectNode balls = patch.putObject("balls");
        for (long b = from; b <= to; b++) {
            balls.put(Long.toString(b), (int) b);
        }
        return new Delta(CH, epoch, from, to, patch);
    }

    private static Snapshot snapshot(String epoch, long v) {
        return new Snapshot(CH, epoch, v, truth(v));
    }

    private static JsonNode fold(JsonNode state, List<Frame> frames) {
        JsonNode s = state;
        for (Frame f : frames) {
            JsonNode msg = Json.tree(f.json());
            s = msg.get("type").asText().equals("snapshot") ? msg.get("state") : MergePatch.apply(s, msg.get("patch"));
        }
        return s;
    }

    @Test
    void aChannelStartsFromItsFirstDeltaAndFollowsInOrder() {
        ChannelState ch = new ChannelState(CH, 16);
        Change first = ch.onDelta(delta("e1", 1, 2), 0, false);
        assertThat(first.outcome()).isEqualTo(Outcome.RESET);
        assertThat(Json.tree(first.frame().json()).get("state")).isEqualTo(truth(2));
        for (long v = 3; v <= 6; v++) {
            Change c = ch.onDelta(delta("e1", v, v), 0, false);
            assertThat(c.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(c.frame().to()).isEqualTo(v);
        }
        assertThat(ch.stateCopy()).isEqualTo(truth(6));
        assertThat(ch.version()).isEqualTo(6);
    }

    @Test
    void withoutItsFirstDeltaAChannelWaitsForASnapshot() {
        ChannelState ch = new ChannelState(CH, 16);
        assertThat(ch.onDelta(delta("e1", 3, 4), 0, false).outcome()).isEqualTo(Outcome.AWAITING_EPOCH);
        assertThat(ch.known()).isFalse();
        Change c = ch.onSnapshot(snapshot("e1", 4), false);
        assertThat(c.outcome()).isEqualTo(Outcome.RESET);
        assertThat(ch.stateCopy()).isEqualTo(truth(4));
    }

    @Test
    void staleAndOverlappingDeltasAreHarmless() {
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 5), false);
        assertThat(ch.onDelta(delta("e1", 2, 5), 0, false).outcome()).isEqualTo(Outcome.STALE);
        Change overlap = ch.onDelta(delta("e1", 4, 8), 0, false);
        assertThat(overlap.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(ch.stateCopy()).isEqualTo(truth(8));
    }

    @Test
    void aGapKeepsTheLastGoodStateUntilASnapshotBridgesIt() {
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 5), false);
        assertThat(ch.onDelta(delta("e1", 8, 9), 0, false).outcome()).isEqualTo(Outcome.GAP);
        assertThat(ch.awaitingSnapshot()).isTrue();
        assertThat(ch.stateCopy()).isEqualTo(truth(5));
        assertThat(ch.onDelta(delta("e1", 10, 10), 0, false).outcome()).isEqualTo(Outcome.GAP);
        assertThat(ch.snapshotFrame().to()).isEqualTo(5);

        Change bridged = ch.onSnapshot(snapshot("e1", 10), false);
        assertThat(bridged.outcome()).isEqualTo(Outcome.BRIDGED);
        assertThat(ch.awaitingSnapshot()).isFalse();
        assertThat(bridged.frame().from()).isEqualTo(6);
        assertThat(bridged.frame().to()).isEqualTo(10);
        // a subscriber that held 5 reaches the snapshot's state with the bridge
        assertThat(fold(truth(5), List.of(bridged.frame()))).isEqualTo(truth(10));
        assertThat(ch.onDelta(delta("e1", 11, 11), 0, false).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(ch.stateCopy()).isEqualTo(truth(11));
    }

    @Test
    void aDeltaThatRefillsAGapEndsTheWait() {
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 5), false);
        ch.onDelta(delta("e1", 8, 8), 0, false);
        assertThat(ch.onDelta(delta("e1", 6, 8), 0, false).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(ch.awaitingSnapshot()).isFalse();
        assertThat(ch.stateCopy()).isEqualTo(truth(8));
    }

    @Test
    void snapshotsAtOrBehindTheStateChangeNothing() {
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 5), false);
        assertThat(ch.onSnapshot(snapshot("e1", 5), false).outcome()).isEqualTo(Outcome.STALE);
        assertThat(ch.onSnapshot(snapshot("e1", 3), false).outcome()).isEqualTo(Outcome.STALE);
        assertThat(ch.stateCopy()).isEqualTo(truth(5));
    }

    @Test
    void aNewEpochStartsFromItsFirstDeltaOrElseWaitsForItsSnapshot() {
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 5), false);
        assertThat(ch.onDelta(delta("e2", 3, 3), 0, false).outcome()).isEqualTo(Outcome.AWAITING_EPOCH);
        assertThat(ch.epoch()).isEqualTo("e1");
        assertThat(ch.stateCopy()).isEqualTo(truth(5));

        Change reset = ch.onSnapshot(snapshot("e2", 3), false);
        assertThat(reset.outcome()).isEqualTo(Outcome.RESET);
        assertThat(ch.epoch()).isEqualTo("e2");

        Change restart = ch.onDelta(delta("e3", 1, 2), 0, false);
        assertThat(restart.outcome()).isEqualTo(Outcome.RESET);
        assertThat(ch.epoch()).isEqualTo("e3");
        assertThat(ch.stateCopy()).isEqualTo(truth(2));
    }

    @Test
    void duringWarmUpDeltasOfAnEpochBeforeTheSnapshotAreIgnored() {
        // the snapshot topic's latest is epoch e2; the delta topic still holds e1 from its start
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e2", 4), true);
        assertThat(ch.onDelta(delta("e1", 1, 1), 0, true).outcome()).isEqualTo(Outcome.OLD_EPOCH);
        assertThat(ch.onDelta(delta("e2", 3, 4), 0, true).outcome()).isEqualTo(Outcome.STALE);
        assertThat(ch.onDelta(delta("e2", 5, 5), 0, true).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(ch.epoch()).isEqualTo("e2");
        assertThat(ch.stateCopy()).isEqualTo(truth(5));
    }

    @Test
    void duringWarmUpAnEpochThatStartsAfterTheSnapshotsOwnIsTaken() {
        // the snapshot is of e1; the delta topic has e1, then e2 restarting from 1
        ChannelState ch = new ChannelState(CH, 16);
        ch.onSnapshot(snapshot("e1", 4), true);
        ch.onDelta(delta("e1", 4, 4), 0, true);
        assertThat(ch.onDelta(delta("e2", 1, 2), 0, true).outcome()).isEqualTo(Outcome.RESET);
        assertThat(ch.epoch()).isEqualTo("e2");
        assertThat(ch.stateCopy()).isEqualTo(truth(2));
    }

    @Test
    void aSubscriberCatchesUpFromTheRingOrElseFromASnapshot() {
        ChannelState ch = new ChannelState(CH, 4);
        ch.onSnapshot(snapshot("e1", 2), false);
        for (long v = 3; v <= 8; v++) {
            ch.onDelta(delta("e1", v, v), 0, false);
        }
        // the ring holds 5..8
        List<Frame> missed = ch.catchUp(new Position("e1", 5), Long.MAX_VALUE);
        assertThat(missed).extracting(Frame::to).containsExactly(6L, 7L, 8L);
        assertThat(fold(truth(5), missed)).isEqualTo(truth(8));

        assertThat(ch.catchUp(new Position("e1", 8), Long.MAX_VALUE)).isEmpty();
        assertThat(ch.catchUp(new Position("e1", 2), Long.MAX_VALUE)).extracting(Frame::kind)
                .containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(ch.catchUp(new Position("e1", 9), Long.MAX_VALUE)).extracting(Frame::kind)
                .containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(ch.catchUp(new Position("e0", 5), Long.MAX_VALUE)).extracting(Frame::kind)
                .containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(ch.catchUp(null, Long.MAX_VALUE)).extracting(Frame::kind).containsExactly(Frame.Kind.SNAPSHOT);
        assertThat(fold(null, ch.catchUp(null, Long.MAX_VALUE))).isEqualTo(truth(8));
        // a replay heavier than allowed becomes a snapshot
        assertThat(ch.catchUp(new Position("e1", 5), 10)).extracting(Frame::kind)
                .containsExactly(Frame.Kind.SNAPSHOT);
    }

    @Test
    void nothingToCatchUpOnWhileNoStateIsKnown() {
        assertThat(new ChannelState(CH, 4).catchUp(null, Long.MAX_VALUE)).isEmpty();
        assertThat(new ChannelState(CH, 4).snapshotFrame()).isNull();
    }

    @Test
    void theSnapshotFrameIsEncodedOncePerVersion() {
        ChannelState ch = new ChannelState(CH, 4);
        ch.onSnapshot(snapshot("e1", 2), false);
        Frame a = ch.snapshotFrame();
        assertThat(ch.snapshotFrame()).isSameAs(a);
        ch.onDelta(delta("e1", 3, 3), 0, false);
        assertThat(ch.snapshotFrame()).isNotSameAs(a);
        assertThat(Json.tree(ch.snapshotFrame().json()).get("version").asLong()).isEqualTo(3);
    }
}
