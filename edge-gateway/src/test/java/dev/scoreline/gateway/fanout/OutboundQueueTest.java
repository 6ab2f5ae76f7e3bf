package dev.scoreline.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.delta.Delta;
import dev.scoreline.gateway.fanout.OutboundQueue.Queued;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static Frame delta(String channel, long v, int padding) {
        return Frame.delta(new Delta(channel, "e", v, v, Json.object().put("pad", "x".repeat(padding))), 0);
    }

    @Test
    void countsBytesInAndOut() {
        OutboundQueue q = new OutboundQueue();
        Frame a = delta("match:a", 1, 10);
        Frame b = delta("match:a", 2, 100);
        q.add(a, true);
        q.add(b, false);
        assertThat(q.bytes()).isEqualTo(a.size() + b.size());
        assertThat(q.take(Long.MAX_VALUE)).extracting(Queued::frame).containsExactly(a, b);
        assertThat(q.bytes()).isZero();
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void takesWhatFitsButAlwaysAtLeastOne() {
        OutboundQueue q = new OutboundQueue();
        Frame big = delta("match:a", 1, 500);
        Frame small = delta("match:a", 2, 1);
        q.add(big, true);
        q.add(small, true);
        assertThat(q.take(10)).extracting(Queued::frame).containsExactly(big);
        assertThat(q.take(small.size() - 1)).extracting(Queued::frame).containsExactly(small);
        q.add(small, true);
        q.add(small, true);
        q.add(big, true);
        assertThat(q.take(2L * small.size())).hasSize(2);
        assertThat(q.size()).isEqualTo(1);
    }

    @Test
    void removesOneChannelsStateButKeepsItsErrorsAndOtherChannels() {
        OutboundQueue q = new OutboundQueue();
        Frame a1 = delta("match:a", 1, 1);
        Frame b1 = delta("match:b", 1, 1);
        Frame err = Frame.error("forbidden", "no", "match:a");
        Frame a2 = delta("match:a", 2, 1);
        q.add(a1, true);
        q.add(b1, true);
        q.add(err, false);
        q.add(a2, true);
        assertThat(q.removeChannel("match:a")).isEqualTo(2);
        assertThat(q.bytes()).isEqualTo(b1.size() + err.size());
        assertThat(q.take(Long.MAX_VALUE)).extracting(Queued::frame).containsExactly(b1, err);
    }

    @Test
    void clearSaysHowManyItDropped() {
        OutboundQueue q = new OutboundQueue();
        q.add(delta("match:a", 1, 1), true);
        q.add(Frame.pong(), false);
        assertThat(q.clear()).isEqualTo(2);
        assertThat(q.bytes()).isZero();
    }
}
