package dev.scoreline.entity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.delta.Channel;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A deliberately small entity for testing the entity-independent machinery: players add points;
 * the public view shows every player's total, each player's private view shows a secret only they
 * may see; a "leave" removes a player; "arm" sets a deadline at which the rules add a bonus.
 */
public final class Tally implements EntityRules<Tally.State, Tally.Event> {

    public record Event(String eventId, String entityId, Instant eventTime, String type, String player, int points)
            implements EntityEvent {
        public static Event add(String id, String table, long second, String player, int points) {
            return new Event(id, table, Instant.ofEpochSecond(second), "add", player, points);
        }

        public static Event leave(String id, String table, long second, String player) {
            return new Event(id, table, Instant.ofEpochSecond(second), "leave", player, 0);
        }

        public static Event crash(String id, String table, long second) {
            return new Event(id, table, Instant.ofEpochSecond(second), "crash", null, 0);
        }

        public static Event close(String id, String table, long second) {
            return new Event(id, table, Instant.ofEpochSecond(second), "close", null, 0);
        }

        public static Event arm(String id, String table, long second, int afterSeconds) {
            return new Event(id, table, Instant.ofEpochSecond(second), "arm", null, afterSeconds);
        }
    }

    public record State(String table, Map<String, Integer> points, Instant deadline, int bonuses, boolean closed) {
        public State {
            points = new TreeMap<>(points);
        }

        @JsonIgnore
        State with(Map<String, Integer> nextPoints, Instant nextDeadline, int nextBonuses) {
            return new State(table, nextPoints, nextDeadline, nextBonuses, closed);
        }
    }

    @Override
    public Channel.Kind kind() {
        return Channel.Kind.TABLE;
    }


    @Override
    public boolean keepsHistory() {
        return true;
    }

    @Override
    public Decision<State> apply(State current, Event event, Supplier<List<Event>> history) {
        State state = current == null ? new State(event.entityId(), Map.of(), null, 0, false) : current;
        Map<String, Integer> points = new HashMap<>(state.points());
        switch (event.type()) {
            case "add" -> {
                if (event.points() < 0) {
                    return Decision.reject("points must not be negative");
                }
                points.merge(event.player(), event.points(), Integer::sum);
                return Decision.accept(state.with(points, state.deadline(), state.bonuses()));
            }
            case "leave" -> {
                if (points.remove(event.player()) == null) {
                    return Decision.reject("no player " + event.player());
                }
                return Decision.accept(state.with(points, state.deadline(), state.bonuses()));
            }
            case "arm" -> {
                return Decision.accept(state.with(points, event.eventTime().plusSeconds(event.points()), state.bonuses()));
            }
            case "close" -> {
                return Decision.accept(new State(state.table(), points, null, state.bonuses(), true));
            }
            case "crash" -> throw new IllegalStateException("a bug in the rules");
            case "bonus" -> {
                if (points.containsKey("jammed")) {
                    throw new IllegalStateException("a bug in the time-out rule");
                }
                points.replaceAll((p, v) -> v + 1);
                return Decision.accept(state.with(points, null, state.bonuses() + 1));
            }
            default -> {
                return Decision.reject("unknown event type " + event.type());
            }
        }
    }

    @Override
    public Map<Channel, JsonNode> views(State state) {
        Map<Channel, JsonNode> views = new HashMap<>();
        ObjectNode open = Json.object();
        ObjectNode players = open.putObject("players");
        state.points().forEach(players::put);
        open.put("bonuses", state.bonuses());
        if (state.closed()) {
            open.put("closed", true);
        }
        views.put(Channel.table(state.table()), open);
        state.points().forEach((player, points) -> {
            ObjectNode mine = Json.object();
            mine.put("secret", player + "-" + points * 7);
            views.put(Channel.seat(state.table(), player), mine);
        });
        return views;
    }

    @Override
    public boolean isFinished(State state) {
        return state.closed();
    }

    @Override
    public Instant deadline(State state) {
        return state.deadline();
    }

    @Override
    public Event deadlineEvent(State state, Instant deadline) {
        return new Event(state.table() + ":bonus:" + state.bonuses(), state.table(), deadline, "bonus", null, 0);
    }
}
