package dev.scoreline.bench.play;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.bench.Histogram;
import dev.scoreline.bench.ThreadCpu;
import org.junit.jupiter.api.Test;

class MoveLatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void theVerdictCountsAtTheMoverAndTheFirstLaterDeltaAtAnotherPlayer() {
        MoveLatencies l = new MoveLatencies();
        l.window(0, 1_000 * MS);
        l.verdict("t", "a", 7, 100 * MS, 120 * MS);
        l.seen("t", "a", 7, 125 * MS); // the mover's own delta is not another player's
        l.seen("t", "b", 6, 126 * MS); // an older version does not include the move
        l.seen("t", "b", 8, 140 * MS);
        l.seen("t", "c", 9, 150 * MS); // seen once: the first other player counts
        Histogram[] h = l.histograms();
        assertThat(h[0].count()).isEqualTo(1);
        assertThat(h[0].percentileMillis(0.5)).isEqualTo(20.0);
        assertThat(h[1].count()).isEqualTo(1);
        assertThat(h[1].percentileMillis(0.5)).isEqualTo(40.0);
        assertThat(l.unseen()).isZero();
    }

    @Test
    void aDeltaReadBeforeTheMoversVerdictStillCountsFromItsOwnMoment() {
        MoveLatencies l = new MoveLatencies();
        l.window(0, 1_000 * MS);
        l.seen("t", "b", 5, 110 * MS);
        l.seen("t", "b", 7, 130 * MS);
        l.seen("t", "c", 7, 135 * MS);
        l.verdict("t", "a", 7, 100 * MS, 150 * MS);
        Histogram[] h = l.histograms();
        assertThat(h[1].count()).isEqualTo(1);
        assertThat(h[1].percentileMillis(0.5)).isEqualTo(30.0);
    }

    @Test
    void onlyMovesSentInTheWindowCountAndRefusalsHaveNoDelta() {
        MoveLatencies l = new MoveLatencies();
        l.window(100 * MS, 200 * MS);
        l.verdict("t", "a", 3, 50 * MS, 110 * MS); // sent before the window
        l.verdict("t", "a", 4, 200 * MS, 210 * MS); // sent as it closed
        l.verdict("t", "a", -1, 150 * MS, 160 * MS); // refused
        l.verdict("u", "a", 2, 150 * MS, 170 * MS); // nobody else has seen it yet
        Histogram[] h = l.histograms();
        assertThat(h[0].count()).isEqualTo(2);
        assertThat(h[1].count()).isZero();
        assertThat(l.unseen()).isEqualTo(1);
        l.seen("u", "b", 2, 190 * MS);
        assertThat(l.histograms()[1].percentileMillis(0.5)).isEqualTo(40.0);
        assertThat(l.unseen()).isZero();
    }

    @Test
    void aNewWindowStartsFromNothing() {
        MoveLatencies l = new MoveLatencies();
        l.window(0, 100 * MS);
        l.verdict("t", "a", 3, 10 * MS, 20 * MS);
        l.window(100 * MS, 200 * MS);
        assertThat(l.histograms()[0].count()).isZero();
        assertThat(l.unseen()).isZero();
    }

    @Test
    void threadFamiliesAddUpAPoolsThreads() {
        assertThat(ThreadCpu.family("XNIO-1 I/O-2")).isEqualTo(ThreadCpu.family("XNIO-1 I/O-1")).isEqualTo("XNIO-# I/O-#");
    }
}
