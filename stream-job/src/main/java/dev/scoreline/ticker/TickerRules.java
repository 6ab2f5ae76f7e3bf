package dev.scoreline.ticker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.ChangeLogEntry.FieldChange;
import dev.scoreline.delta.Channel;
import dev.scoreline.entity.EntityRules;
import dev.scoreline.json.Json;
import dev.scoreline.patch.MergePatch;
import dev.scoreline.ticker.event.MatchLine;
import dev.scoreline.ticker.event.TickerEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ticker's rules. Its view, on the public {@code scores} channel, is
 * {@code {"matches": {"<matchId>": line}}}.
 *
 * <ul>
 *   <li>A line replaces the one held for its match when its match version is higher. A line of a
 *       version no higher than the one held is late (sent again by a match that was restored, or
 *       overtaken in Kafka): it is accepted, so that it is neither a dead letter nor an alarm, and
 *       changes nothing. (A replayed line carries the same event id as the first and is
 *       de-duplicated before it gets here.)
 *   <li>Every live match is kept, and the {@code completedKept} most recently updated completed
 *       ones; an older completed line goes (the view's diff sends it as a merge-patch null).
 *   <li>At most {@code maxLines} lines: beyond that the least recently updated live line goes, so
 *       a feed that never ends its matches cannot grow the ticker for ever. An evicted match that
 *       sends a line again comes back.
 * </ul>
 *
 * "Recently" counts the lines the ticker took ({@link TickerState#updates}), never the wall clock
 * nor the event times of different feeds: the same lines give the same ticker.
 */
public final class TickerRules implements EntityRules<TickerState, TickerEvent> {

    public static final int COMPLETED_KEPT = 10;
    public static final int MAX_LINES = 500;

    static final String COMPLETED = "completed";

    private final int completedKept;
    private final int maxLines;

    public TickerRules() {
        this(COMPLETED_KEPT, MAX_LINES);
    }

    public TickerRules(int completedKept, int maxLines) {
        if (completedKept < 0 || maxLines <= completedKept) {
            throw new IllegalArgumentException("the ticker needs room for more lines (" + maxLines
                    + ") than the completed ones it keeps (" + completedKept + ")");
        }
        this.completedKept = completedKept;
        this.maxLines = maxLines;
    }

    @Override
    public Channel.Kind kind() {
        return Channel.Kind.SCORES;
    }


    @Override
    public Decision<TickerState> apply(TickerState current, TickerEvent event, Supplier<List<TickerEvent>> history) {
        if (!Channel.SCORES.equals(event.tickerId())) {
            return Decision.reject("there is one ticker, '" + Channel.SCORES + "', not '" + event.tickerId() + "'");
        }
        MatchLine line = (MatchLine) event;
        TickerState state = current == null ? new TickerState(0, Map.of()) : current;
        TickerState.Held held = state.matches().get(line.matchId());
        if (held != null && line.matchVersion() <= held.matchVersion()) {
            return Decision.accept(state);
        }
        long updates = state.updates() + 1;
        // a sorted copy of a sorted map is linear, and the state keeps it sorted
        TreeMap<String, TickerState.Held> matches = new TreeMap<>(state.matches());
        matches.put(line.matchId(), new TickerState.Held(line.matchVersion(), updates, line.line()));
        int completed = 0;
        for (TickerState.Held kept : matches.values()) {
            completed += kept.completed() ? 1 : 0;
        }
        evictOldest(matches, TickerState.Held::completed, completed - completedKept);
        // the completed lines left number fewer than maxLines: the excess is live
        evictOldest(matches, Predicate.not(TickerState.Held::completed), matches.size() - maxLines);
        return Decision.accept(new TickerState(updates, matches));
    }

    /**
     * Removes the {@code excess} least recently updated of the lines that {@code which} picks: one
     * at a time, as a line usually evicts at most one other, by a pass over the lines rather than
     * a sort of them.
     */
    private static void evictOldest(Map<String, TickerState.Held> matches, Predicate<TickerState.Held> which,
            long excess) {
        for (long i = 0; i < excess; i++) {
            String oldest = null;
            long oldestUpdate = Long.MAX_VALUE;
            for (Map.Entry<String, TickerState.Held> e : matches.entrySet()) {
                if (e.getValue().updated() < oldestUpdate && which.test(e.getValue())) {
                    oldest = e.getKey();
                    oldestUpdate = e.getValue().updated();
                }
            }
            matches.remove(oldest);
        }
    }

    /**
     * A line changes one member of the view, and an eviction removes others: only those are
     * diffed, in the order of the whole view's diff (by match id), and the view itself is built
     * only to be published.
     */
    @Override
    public Map<Channel, List<FieldChange>> changes(TickerEvent event, TickerState before, TickerState after) {
        if (before == after) {
            return Map.of();
        }
        String matchId = ((MatchLine) event).matchId();
        Map<String, TickerState.Held> was = before == null ? Map.of() : before.matches();
        Map<String, TickerState.Held> now = after.matches();
        SortedSet<String> touched = new TreeSet<>();
        touched.add(matchId);
        if (was.size() + (was.containsKey(matchId) ? 0 : 1) != now.size()) {
            for (String evicted : was.keySet()) {
                if (!now.containsKey(evicted)) {
                    touched.add(evicted);
                }
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String id : touched) {
            MergePatch.changesWithoutNulls(MergePatch.pointer("/matches", id), lineView(was.get(id)),
                    lineView(now.get(id)), changes);
        }
        return Map.of(Channel.scores(), changes);
    }

    private static JsonNode lineView(TickerState.Held held) {
        return held == null ? null : Json.tree(held.line());
    }

    @Override
    public Map<Channel, JsonNode> views(TickerState state) {
        return views(state, null, Map.of());
    }

    /** A line the ticker held before, unchanged, keeps its JSON: one line changes per event. */
    @Override
    public Map<Channel, JsonNode> views(TickerState state, TickerState previousState,
            Map<Channel, JsonNode> previousViews) {
        JsonNode previousLines = previousViews.getOrDefault(Channel.scores(), Json.object()).path("matches");
        ObjectNode lines = Json.object();
        state.matches().forEach((matchId, held) -> {
            boolean same = previousState != null && held.equals(previousState.matches().get(matchId))
                    && previousLines.has(matchId);
            lines.set(matchId, same ? previousLines.get(matchId) : lineView(held));
        });
        ObjectNode view = Json.object();
        view.set("matches", lines);
        return Map.of(Channel.scores(), view);
    }
}
