package dev.scoreline.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Channel;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.patch.MergePatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityEngineTest {

    private final Tally rules = new Tally();
    private final EntityEngine<Tally.State, Tally.Event> engine =
            new EntityEngine<>(rules, new SnapshotPolicy(3, Duration.ofHours(1)));
    private final List<Tally.Event> history = new ArrayList<>();

    private EntityRecord<Tally.State> record;

    private EntityEngine.Step<Tally.State, Tally.Event> apply(Tally.Event event) {
        EntityEngine.Step<Tally.State, Tally.Event> step = engine.apply(record, null, event, () -> List.copyOf(history), "epoch-1");
        record = step.record();
        history.addAll(step.accepted());
        return step;
    }

    @Test
    void versionsCountAppliedEventsFromOneAndTheEpochIsFixedAtCreation() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 2));
        assertThat(record.version()).isEqualTo(1);
        assertThat(record.epoch()).isEqualTo("epoch-1");

        record = engine.apply(record, null, Tally.Event.add("e2", "t1", 2, "bob", 1), List::of, "another-epoch").record();

        assertThat(record.version()).isEqualTo(2);
        assertThat(record.epoch()).isEqualTo("epoch-1");
    }

    @Test
    void aRejectedEventLeavesTheRecordAsItWas() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 2));
        EntityRecord<Tally.State> before = record;

        EntityEngine.Step<Tally.State, Tally.Event> step = apply(Tally.Event.add("e2", "t1", 2, "ann", -5));

        assertThat(step.rejected()).isTrue();
        assertThat(step.rejection()).contains("negative");
        assertThat(step.accepted()).isEmpty();
        assertThat(step.changeLog()).isEmpty();
        assertThat(record).isEqualTo(before);
    }

    @Test
    void theChangeLogNamesThePublicFieldsEachEventChangedAndNothingPrivate() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 2));
        ChangeLogEntry entry = apply(Tally.Event.add("e2", "t1", 2, "ann", 3)).changeLog().get(0);

        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.eventId()).isEqualTo("e2");
        assertThat(entry.kind()).isEqualTo("table");
        assertThat(entry.changes()).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo("/players/ann");
            assertThat(change.before().asInt()).isEqualTo(2);
            assertThat(change.after().asInt()).isEqualTo(5);
        });
    }

    @Test
    void aDeltaBringsAHolderOfAnyVersionInItsSpanToTheEnd() {
        List<Map<Channel, JsonNode>> viewsByVersion = new ArrayList<>();
        viewsByVersion.add(Map.of());
        for (Tally.Event event : List.of(
                Tally.Event.add("e1", "t1", 1, "ann", 1),
                Tally.Event.add("e2", "t1", 2, "bob", 4),
                Tally.Event.add("e3", "t1", 3, "ann", 2),
                Tally.Event.leave("e4", "t1", 4, "bob"))) {
            apply(event);
            viewsByVersion.add(rules.views(record.state()));
        }
        EntityEngine.Publication<Tally.State> publication = engine.publish(record, null, 0);

        Delta open = deltaOf(publication, "table:t1");
        assertThat(open.from()).isEqualTo(1);
        assertThat(open.to()).isEqualTo(4);
        JsonNode end = viewsByVersion.get(4).get(Channel.table("t1"));
        for (int held = 0; held <= 4; held++) {
            JsonNode view = viewsByVersion.get(held).getOrDefault(Channel.table("t1"), dev.scoreline.json.Json.object());
            assertThat(MergePatch.apply(view, open.patch())).as("from version %d", held).isEqualTo(end);
        }
    }

    @Test
    void channelsStayGaplessWhenTheyDoNotChangeInABatch() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        apply(Tally.Event.add("e2", "t1", 2, "bob", 1));
        record = engine.publish(record, null, 0).record();

        apply(Tally.Event.add("e3", "t1", 3, "bob", 1));
        EntityEngine.Publication<Tally.State> second = engine.publish(record, null, 0);
        record = second.record();
        assertThat(second.deltas()).extracting(Delta::channel)
                .containsExactlyInAnyOrder("table:t1", "table:t1/seat:bob");

        apply(Tally.Event.add("e4", "t1", 4, "ann", 1));
        Delta ann = deltaOf(engine.publish(record, null, 0), "table:t1/seat:ann");
        assertThat(ann.from()).as("continues from ann's last delta, which ended at 2").isEqualTo(3);
        assertThat(ann.to()).isEqualTo(4);
        assertThat(ann.patch().get("secret").asText()).isEqualTo("ann-14");
    }

    @Test
    void nothingToPublishWhenNothingChanged() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        record = engine.publish(record, null, 0).record();

        EntityEngine.Publication<Tally.State> again = engine.publish(record, null, 0);

        assertThat(again.deltas()).isEmpty();
        assertThat(again.snapshots()).isEmpty();
    }

    @Test
    void snapshotsFollowThePolicy() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        EntityEngine.Publication<Tally.State> first = engine.publish(record, null, 1_000);
        record = first.record();
        assertThat(first.snapshots()).extracting(Snapshot::channel).containsExactlyInAnyOrder("table:t1", "table:t1/seat:ann");

        apply(Tally.Event.add("e2", "t1", 2, "ann", 1));
        EntityEngine.Publication<Tally.State> second = engine.publish(record, null, 2_000);
        record = second.record();
        assertThat(second.snapshots()).as("one version since the last snapshot; the policy wants three").isEmpty();

        apply(Tally.Event.add("e3", "t1", 3, "ann", 1));
        apply(Tally.Event.add("e4", "t1", 4, "ann", 1));
        EntityEngine.Publication<Tally.State> third = engine.publish(record, null, 3_000);
        assertThat(third.snapshots()).hasSize(2).allSatisfy(s -> assertThat(s.version()).isEqualTo(4));
        assertThat(third.snapshots()).filteredOn(s -> s.channel().equals("table:t1")).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(rules.views(record.state()).get(Channel.table("t1"))));
    }

    @Test
    void aSnapshotIsDueAfterItsIntervalEvenWithFewVersions() {
        EntityEngine<Tally.State, Tally.Event> timed =
                new EntityEngine<>(rules, new SnapshotPolicy(1_000, Duration.ofSeconds(10)));
        record = timed.apply(null, null, Tally.Event.add("e1", "t1", 1, "ann", 1), List::of, "x").record();
        record = timed.publish(record, null, 0).record();
        record = timed.apply(record, null, Tally.Event.add("e2", "t1", 2, "ann", 1), List::of, "x").record();

        assertThat(timed.publish(record, null, 9_999).snapshots()).isEmpty();
        assertThat(timed.publish(record, null, 10_000).snapshots()).isNotEmpty();
    }

    @Test
    void aSilentChannelWhoseSnapshotLagsGetsOneWhenTheIntervalIsUp() {
        EntityEngine<Tally.State, Tally.Event> timed =
                new EntityEngine<>(rules, new SnapshotPolicy(1_000, Duration.ofSeconds(10)));
        record = timed.apply(null, null, Tally.Event.add("e1", "t1", 1, "ann", 1), List::of, "x").record();
        record = timed.apply(record, null, Tally.Event.add("e2", "t1", 2, "bob", 1), List::of, "x").record();
        record = timed.publish(record, null, 0).record();
        record = timed.apply(record, null, Tally.Event.add("e3", "t1", 3, "ann", 1), List::of, "x").record();
        record = timed.publish(record, null, 1_000).record();
        assertThat(timed.nextSnapshotDue(record)).as("ann's channels lag; bob's is current").hasValue(10_000);

        record = timed.apply(record, null, Tally.Event.add("e4", "t1", 4, "bob", 1), List::of, "x").record();
        EntityEngine.Publication<Tally.State> later = timed.publish(record, null, 10_000);

        assertThat(later.deltas()).extracting(Delta::channel).containsExactlyInAnyOrder("table:t1", "table:t1/seat:bob");
        assertThat(later.snapshots()).extracting(Snapshot::channel)
                .containsExactlyInAnyOrder("table:t1", "table:t1/seat:ann", "table:t1/seat:bob");
        assertThat(later.snapshots()).filteredOn(s -> s.channel().equals("table:t1/seat:ann")).singleElement()
                .satisfies(s -> assertThat(s.state().get("secret").asText()).isEqualTo("ann-14"));
        assertThat(timed.nextSnapshotDue(later.record())).isEmpty();
    }

    @Test
    void aFinishedEntityLeavesEveryChannelsFinalStateOnTheSnapshotTopic() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        apply(Tally.Event.add("e2", "t1", 2, "bob", 1));
        record = engine.publish(record, null, 0).record();
        apply(Tally.Event.add("e3", "t1", 3, "ann", 1));
        record = engine.publish(record, null, 0).record();

        apply(Tally.Event.close("e4", "t1", 4));
        EntityEngine.Publication<Tally.State> last = engine.publish(record, null, 0);

        assertThat(last.deltas()).extracting(Delta::channel).containsExactly("table:t1");
        assertThat(last.snapshots()).extracting(Snapshot::channel)
                .containsExactlyInAnyOrder("table:t1", "table:t1/seat:ann");
        assertThat(last.snapshots()).allSatisfy(s -> assertThat(s.version()).isEqualTo(4));
    }

    @Test
    void aChannelThatDisappearsIsEmptiedOnceAndForgotten() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        apply(Tally.Event.add("e2", "t1", 2, "bob", 1));
        record = engine.publish(record, null, 0).record();

        apply(Tally.Event.leave("e3", "t1", 3, "bob"));
        EntityEngine.Publication<Tally.State> publication = engine.publish(record, null, 0);

        Delta gone = deltaOf(publication, "table:t1/seat:bob");
        assertThat(MergePatch.apply(dev.scoreline.json.Json.tree("{\"secret\":\"bob-7\"}"), gone.patch()))
                .isEqualTo(dev.scoreline.json.Json.object());
        assertThat(publication.record().channels()).doesNotContainKey("table:t1/seat:bob");
        assertThat(publication.snapshots()).extracting(Snapshot::channel).doesNotContain("table:t1/seat:bob");
    }

    @Test
    void aDeadlineThatPassedBeforeAnEventIsFoldedFirst() {
        apply(Tally.Event.add("e1", "t1", 10, "ann", 1));
        apply(Tally.Event.arm("e2", "t1", 10, 5));

        EntityEngine.Step<Tally.State, Tally.Event> step = apply(Tally.Event.add("e3", "t1", 20, "ann", 1));

        assertThat(step.accepted()).extracting(Tally.Event::eventId).containsExactly("t1:bonus:0", "e3");
        assertThat(step.changeLog()).extracting(ChangeLogEntry::version).containsExactly(3L, 4L);
        assertThat(step.changeLog().get(0).eventTime()).isEqualTo(java.time.Instant.ofEpochSecond(15));
        assertThat(record.state().points()).containsEntry("ann", 3);
    }

    @Test
    void anEventBeforeTheDeadlineLeavesItArmed() {
        apply(Tally.Event.add("e1", "t1", 10, "ann", 1));
        apply(Tally.Event.arm("e2", "t1", 10, 5));

        EntityEngine.Step<Tally.State, Tally.Event> step = apply(Tally.Event.add("e3", "t1", 14, "ann", 1));

        assertThat(step.accepted()).extracting(Tally.Event::eventId).containsExactly("e3");
        assertThat(record.state().deadline()).isEqualTo(java.time.Instant.ofEpochSecond(15));
    }

    @Test
    void expireFoldsOnlyDeadlinesThatPassed() {
        apply(Tally.Event.add("e1", "t1", 10, "ann", 1));
        apply(Tally.Event.arm("e2", "t1", 10, 5));

        assertThat(engine.expire(record, null, java.time.Instant.ofEpochSecond(14), List::of).accepted()).isEmpty();
        EntityEngine.Step<Tally.State, Tally.Event> fired = engine.expire(record, null, java.time.Instant.ofEpochSecond(15), List::of);
        assertThat(fired.accepted()).extracting(Tally.Event::type).containsExactly("bonus");
        assertThat(fired.record().version()).isEqualTo(3);
    }

    @Test
    void aRuleThatThrowsRejectsTheEventInsteadOfFailing() {
        apply(Tally.Event.add("e1", "t1", 1, "ann", 1));
        EntityRecord<Tally.State> before = record;

        EntityEngine.Step<Tally.State, Tally.Event> step = apply(Tally.Event.crash("e2", "t1", 2));

        assertThat(step.rejection()).contains("rules failed").contains("a bug in the rules");
        assertThat(record).isEqualTo(before);
    }

    @Test
    void aDeadlineTheRulesCannotFoldIsReportedAndTheEventStillApplies() {
        apply(Tally.Event.add("e1", "t1", 10, "jammed", 1));
        apply(Tally.Event.arm("e2", "t1", 10, 5));

        EntityEngine.Step<Tally.State, Tally.Event> step = apply(Tally.Event.add("e3", "t1", 20, "ann", 1));

        assertThat(step.stuckDeadline()).contains("1970-01-01T00:00:15Z").contains("a bug in the time-out rule");
        assertThat(step.accepted()).extracting(Tally.Event::eventId).containsExactly("e3");
        assertThat(engine.expire(record, null, java.time.Instant.ofEpochSecond(30), List::of).stuckDeadline()).isNotNull();
    }

    private static Delta deltaOf(EntityEngine.Publication<Tally.State> publication, String channel) {
        Map<String, Delta> byChannel = new HashMap<>();
        publication.deltas().forEach(d -> byChannel.put(d.channel(), d));
        assertThat(byChannel).containsKey(channel);
        return byChannel.get(channel);
    }
}
