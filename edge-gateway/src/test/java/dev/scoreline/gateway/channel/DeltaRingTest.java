package dev.scoreline.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import org.junit.jupiter.api.Test;

class DeltaRingTest {

    private static Frame delta(long from, long to) {
        ObjectNode patch = Json.object().put("v", to);
        return Frame.delta(new Delta("match:1", "e1", from, to, patch), 0);
    }

    @Test
    void returnsExactlyTheDeltasAfterAVersionItCovers() {
        DeltaRing ring = new DeltaRing(8);
        for (long v = 1; v <= 5; v++) {
            ring.add(delta(v, v));
        }
        assertThat(ring.after(2)).extracting(Frame::to).containsExactly(3L, 4L, 5L);
        assertThat(ring.after(0)).extracting(Frame::to).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ring.after(5)).isEmpty();
    }

    @Test
    void forgetsTheOldestOnceFullAndThenNoLongerCoversThem() {
        DeltaRing ring = new DeltaRing(3);
        for (long v = 1; v <= 5; v++) {
            ring.add(delta(v, v));
        }
        assertThat(ring.size()).isEqualTo(3);
        // 3..5 remain: a holder at 2 can take 3 next; a holder at 1 would miss 2
        assertThat(ring.after(2)).extracting(Frame::to).containsExactly(3L, 4L, 5L);
        assertThat(ring.after(1)).isNull();
    }

    @Test
    void aSpanDeltaCoversEveryHolderInsideItsSpan() {
        DeltaRing ring = new DeltaRing(4);
        ring.add(delta(1, 3));
        ring.add(delta(4, 9));
        // a delta from..to applies to any holder at v with from-1 <= v <= to
        assertThat(ring.after(5)).extracting(Frame::to).containsExactly(9L);
        assertThat(ring.after(3)).extracting(Frame::to).containsExactly(9L);
        assertThat(ring.after(2)).extracting(Frame::to).containsExactly(3L, 9L);
    }

    @Test
    void aBridgeCoversOnlyAHolderAtExactlyItsBase() {
        DeltaRing ring = new DeltaRing(4);
        ring.add(delta(1, 4));
        ring.add(Frame.bridge("match:1", "e1", 5, 9, Json.object().put("v", 9)));
        assertThat(ring.after(4)).extracting(Frame::to).containsExactly(9L);
        assertThat(ring.after(6)).isNull();
        assertThat(ring.after(3)).extracting(Frame::to).containsExactly(4L, 9L);
    }

    @Test
    void clearForgetsEverything() {
        DeltaRing ring = new DeltaRing(4);
        ring.add(delta(1, 1));
        ring.clear();
        assertThat(ring.size()).isZero();
        assertThat(ring.after(0)).as("an empty ring vouches for no one").isNull();
    }

    @Test
    void refusesSnapshotsAndAZeroCapacity() {
        DeltaRing ring = new DeltaRing(1);
        assertThatThrownBy(() -> ring.add(Frame.snapshot("match:1", "e1", 1, Json.object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeltaRing(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
