package dev.scoreline.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.topic.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the engine does with the messages rules send other entities. */
class EngineMessagesTest {

    /** Tally, sending a message naming the table and version of every accepted event but "boom". */
    private static final class Sending implements EntityRules<Tally.State, Tally.Event> {
        private final Tally tally = new Tally();

        @Override
        public Channel.Kind kind() {
            return tally.kind();
        }

        @Override
        public Decision<Tally.State> apply(Tally.State current, Tally.Event event, Supplier<List<Tally.Event>> history) {
            return tally.apply(current, event, history);
        }

        @Override
        public Map<Channel, JsonNode> views(Tally.State state) {
            return tally.views(state);
        }

        @Override
        public List<Message> messages(Tally.Event event, Tally.State before, Tally.State after, long version) {
            if (event.player().equals("boom")) {
                throw new IllegalStateException("no message for boom");
            }
            EntityEvent sent = Tally.Event.add(event.entityId() + "@" + version, "other", version, event.player(), 1);
            return List.of(new Message(Topic.TICKER_EVENTS, sent));
        }
    }

    private final EntityEngine<Tally.State, Tally.Event> engine =
            new EntityEngine<>(new Sending(), new SnapshotPolicy(3, Duration.ofHours(1)));

    @Test
    void anAcceptedEventsMessagesComeWithItsStepInOrderAndARejectedEventSendsNone() {
        EntityRecord<Tally.State> record =
                engine.apply(null, null, Tally.Event.add("e1", "t1", 1, "ann", 1), List::of, "epoch").record();

        EntityEngine.Step<Tally.State, Tally.Event> step =
                engine.apply(record, null, Tally.Event.add("e2", "t1", 2, "bob", 2), List::of, null);
        EntityEngine.Step<Tally.State, Tally.Event> rejected =
                engine.apply(record, null, Tally.Event.add("e3", "t1", 3, "bob", -1), List::of, null);

        assertThat(step.messages()).singleElement().satisfies(message -> {
            assertThat(message.event().eventId()).isEqualTo("t1@2");
            assertThat(message.key()).isEqualTo("other");
        });
        assertThat(rejected.rejected()).isTrue();
        assertThat(rejected.messages()).isEmpty();
    }

    @Test
    void rulesThatFailToSayTheirMessagesRejectTheEventAndLeaveTheEntityAsItWas() {
        EntityRecord<Tally.State> record =
                engine.apply(null, null, Tally.Event.add("e1", "t1", 1, "ann", 1), List::of, "epoch").record();

        EntityEngine.Step<Tally.State, Tally.Event> step =
                engine.apply(record, null, Tally.Event.add("e2", "t1", 2, "boom", 2), List::of, null);

        assertThat(step.rejection()).contains("no message for boom");
        assertThat(step.record()).isEqualTo(record);
        assertThat(step.changeLog()).isEmpty();
        assertThat(step.messages()).isEmpty();
    }
}
