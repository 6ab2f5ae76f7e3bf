package dev.scoreline.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scoreline.entity.SnapshotPolicy;
import dev.scoreline.match.Scorer;
import dev.scoreline.match.event.Delivery;
import dev.scoreline.match.event.InningsEnd;
import dev.scoreline.match.event.InningsStart;
import dev.scoreline.match.event.MatchEnd;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.match.event.MatchStart;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The operators' view of the officials overruling the balls: the keyed function counts it in its
 * metric group, once per match, and the state it publishes says so.
 */
class OfficialsMetricTest {

    private static final OutputTopics TOPICS = new OutputTopics("deltas", "snapshots", "changelog", "dead", "verdicts", "ticker", "table", "wallet", "match",
            "private-deltas", "private-snapshots");
    private static final StateTuning TUNING = new StateTuning(Duration.ofMillis(100), 50,
            SnapshotPolicy.DEFAULT, Duration.ofHours(1), Duration.ofHours(2), Duration.ofMinutes(5), 1024);

    @Test
    void aMatchEndThatContradictsTheBallsIsCountedOnce() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        InterceptingTaskMetricGroup task = new InterceptingTaskMetricGroup() {
            @Override
            public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name,
                    Map<String, String> variables) {
                return metrics;
            }
        };
        try (MockEnvironment environment = new MockEnvironmentBuilder().setMetricGroup(task).build();
                KeyedOneInputStreamOperatorTestHarness<String, Sourced<MatchEvent>, Outgoing> h =
                        new KeyedOneInputStreamOperatorTestHarness<>(
                                new EntityStateOperator<>(new EntityStateFunction<>(
                                        EntityKinds.match(Topic.MATCH_EVENTS.defaultName()), TOPICS, TUNING)),
                                in -> in.event().entityId(), Types.STRING, environment)) {
            h.open();
            for (MatchEvent e : matchWonByHomeButAwardedToAway()) {
                h.processElement(new StreamRecord<>(new Sourced<>(e, "match-events", 0, 0), e.eventTime().toEpochMilli()));
            }

            Counter overruled = (Counter) metrics.get(Scorer.OFFICIALS_OVERRULED_BALLS);
            assertThat(overruled).as("the job's metric").isNotNull();
            assertThat(overruled.getCount()).isEqualTo(1);
            assertThat(((Counter) metrics.get("appliedEvents")).getCount()).isEqualTo(7);
        }
    }

    /** Home makes 6, Away 2 in a one-over match; the officials name Away the winner, without a method. */
    private static List<MatchEvent> matchWonByHomeButAwardedToAway() {
        Instant t = Instant.parse("2024-05-26T14:00:00Z");
        List<String> home = List.of("H1", "H2", "H3");
        List<String> away = List.of("A1", "A2", "A3");
        return List.of(
                new MatchStart("m:start", "m", t, List.of("Home", "Away"), Map.of("Home", home, "Away", away), 1, 6,
                        null, null),
                new InningsStart("m:1:start", "m", t.plusSeconds(1), "Home", false, null),
                ball("m:1:0.1", t.plusSeconds(2), "H1", "H2", "A1", 6),
                new InningsEnd("m:1:end", "m", t.plusSeconds(3), null),
                new InningsStart("m:2:start", "m", t.plusSeconds(4), "Away", false, null),
                ball("m:2:0.1", t.plusSeconds(5), "A1", "A2", "H1", 2),
                new MatchEnd("m:end", "m", t.plusSeconds(6), null, null, "Away", null));
    }

    private static Delivery ball(String id, Instant at, String batter, String nonStriker, String bowler, int runs) {
        return new Delivery(id, "m", at, 0, batter, bowler, nonStriker, new Delivery.Runs(runs, 0, runs, false),
                Delivery.Extras.NONE, List.of());
    }
}
