package dev.scoreline.gateway.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Delta;
import dev.scoreline.delta.Snapshot;
import dev.scoreline.gateway.wire.Frame;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The version contract under a hostile feed: deltas duplicated, overlapping, lost; snapshots at
 * random. The expected states come from a model built here (random field edits, one per version),
 * and each delta is written from that model by the rule of docs/topics.md ("Versions and
 * deltas"), not by the code under test.
 */
class ChannelStateProperties {

    private static final String CH = "table:t1";
    private static final String[] KEYS = {"a", "b", "c", "d"};
    private static final String[] SUBKEYS = {"x", "y", "z"};

    /** truth.get(v) is the state at version v; truth.get(0) is the empty state. */
    private final List<ObjectNode> truth = new ArrayList<>();

    @Property(tries = 300)
    void theGatewayAndEverySubscriberHoldTheTrueStateAtTheirVersion(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int steps) {
        Random random = new Random(seed);
        truth.clear();
        truth.add(Json.object());
        ChannelState channel = new ChannelState(CH, 1 + random.nextInt(8));
        Subscriber early = new Subscriber();
        Subscriber late = null;
        early.take(channel.catchUp(null, Long.MAX_VALUE));
        long published = 0;

        for (int step = 0; step < steps; step++) {
            long to = published + 1 + random.nextInt(3);
            while (truth.size() <= to) {
                truth.add(edit(truth.get(truth.size() - 1), random));
            }
            int action = random.nextInt(10);
            List<Change> changes = new ArrayList<>();
            if (action == 0) {
                published = to; // lost: a gap for whoever follows the deltas
            } else if (action == 1) {
                changes.add(channel.onSnapshot(new Snapshot(CH, "e1", to, truth.get((int) to).deepCopy()), false));
                published = to;
            } else if (action == 2 && published > 0) {
                long from = 1 + random.nextInt((int) published);
                changes.add(channel.onDelta(delta(from, published), 0, false)); // replay of the past
            } else {
                long from = action == 3 ? Math.max(1, published - random.nextInt(3)) : published + 1;
                changes.add(channel.onDelta(delta(from, to), 0, false));
                published = to;
            }
            if (late == null && random.nextInt(8) == 0) {
                late = new Subscriber();
                late.take(channel.catchUp(null, Long.MAX_VALUE));
            }
            for (Change change : changes) {
                if (change.frame() != null) {
                    early.take(List.of(change.frame()));
                    if (late != null) {
                        late.take(List.of(change.frame()));
                    }
                }
            }

            if (channel.known()) {
                assertThat(channel.stateCopy()).isEqualTo(truth.get((int) channel.version()));
                for (Subscriber s : late == null ? List.of(early) : List.of(early, late)) {
                    assertThat(s.version).isEqualTo(channel.version());
                    assertThat(s.state).isEqualTo(truth.get((int) channel.version()));
                }
                for (long v = 0; v <= channel.version(); v++) {
                    List<Frame> missed = channel.catchUp(new dev.scoreline.wire.ClientMessage.Position("e1", v), Long.MAX_VALUE);
                    Subscriber resumed = new Subscriber(v, truth.get((int) v).deepCopy());
                    resumed.take(missed);
                    assertThat(resumed.state).isEqualTo(truth.get((int) channel.version()));
                }
            }
        }
    }

    /** One edit of a random field: a new version. */
    private static ObjectNode edit(ObjectNode previous, Random random) {
        ObjectNode next = previous.deepCopy();
        String key = KEYS[random.nextInt(KEYS.length)];
        switch (random.nextInt(4)) {
            case 0 -> next.put(key, random.nextInt(5));
            case 1 -> next.remove(key);
            default -> {
                JsonNode existing = next.get(key);
                ObjectNode child = existing != null && existing.isObject() ? (ObjectNode) existing : next.putObject(key);
                String sub = SUBKEYS[random.nextInt(SUBKEYS.length)];
                if (random.nextBoolean() && child.has(sub)) {
                    child.remove(sub);
                } else {
                    child.put(sub, random.nextInt(5));
                }
            }
        }
        return next;
    }

    /**
     * The delta from..to by DESIGN's rule: every field changed in between, at its value at
     * {@code to} (null where absent), so that it applies to every state from {@code from-1} to
     * {@code to}.
     */
    private Delta delta(long from, long to) {
        ObjectNode patch = Json.object();
        ObjectNode end = truth.get((int) to);
        for (String key : KEYS) {
            Set<String> subkeys = new LinkedHashSet<>();
            boolean changed = false;
            for (long v = from - 1; v <= to; v++) {
                JsonNode value = truth.get((int) v).get(key);
                if (value != null && value.isObject()) {
                    value.fieldNames().forEachRemaining(subkeys::add);
                }
                if (v > from - 1 && !java.util.Objects.equals(value, truth.get((int) v - 1).get(key))) {
                    changed = true;
                }
            }
            if (!changed) {
                continue;
            }
            JsonNode value = end.get(key);
            if (value == null) {
                patch.putNull(key);
            } else if (value.isObject()) {
                ObjectNode child = patch.putObject(key);
                for (String sub : subkeys) {
                    JsonNode subValue = value.get(sub);
                    if (subValue == null) {
                        child.putNull(sub);
                    } else {
                        child.set(sub, subValue.deepCopy());
                    }
                }
            } else {
                patch.set(key, value.deepCopy());
            }
        }
        return new Delta(CH, "e1", from, to, patch);
    }

    /** A client following the protocol: snapshots replace, deltas apply when they fit. */
    private static final class Subscriber {
        long version;
        JsonNode state;

        Subscriber() {
            this(-1, null);
        }

        Subscriber(long version, JsonNode state) {
            this.version = version;
            this.state = state;
        }

        void take(List<Frame> frames) {
            for (Frame frame : frames) {
                JsonNode msg = Json.tree(frame.json());
                if (msg.get("type").asText().equals("snapshot")) {
                    state = msg.get("state");
                    version = msg.get("version").asLong();
                } else {
                    long from = msg.get("from").asLong();
                    long to = msg.get("to").asLong();
                    assertThat(from - 1).as("a delta the subscriber cannot apply: gap").isLessThanOrEqualTo(version);
                    if (to > version) {
                        state = MergePatch.apply(state, msg.get("patch"));
                        version = to;
                    }
                }
            }
        }
    }
}
