package dev.scoreline.gateway.act;

import dev.scoreline.action.Verdict;
import dev.scoreline.gateway.fanout.Connection;
import dev.scoreline.gateway.wire.Frame;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Hands each of the job's verdicts to whoever on this gateway is waiting for it: the connections
 * that sent that action (a retry too), else every connection of the player, once (the action came
 * through a gateway that has died since, and the player is here now), and an HTTP request waiting
 * for it. A verdict the job sends again (a replay after a restore) finds nobody waiting and is not
 * handed out a second time.
 */
public final class Verdicts {

    /** How many actions one connection may have awaiting a verdict before the oldest are forgotten. */
    static final int MAX_AWAITING = 1024;
    /** How many delivered actions are remembered, so that the job's repeats are not delivered twice. */
    static final int REMEMBERED = 100_000;

    private final Map<String, Set<Connection>> byPlayer = new ConcurrentHashMap<>();
    private final Map<Connection, Set<String>> playersOf = new ConcurrentHashMap<>();
    private final Map<Connection, Set<String>> awaiting = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Verdict>> requests = new ConcurrentHashMap<>();
    private final Set<String> delivered = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    /** The connection is the player's: their verdicts reach it from now on. */
    public void follow(String playerId, Connection connection) {
        if (playersOf.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(playerId)) {
            byPlayer.computeIfAbsent(playerId, p -> ConcurrentHashMap.newKeySet()).add(connection);
        }
    }

    /** The connection sent this action (with this event id) and waits for its verdict. */
    public void awaiting(Connection connection, String eventId) {
        Set<String> ids = awaiting.computeIfAbsent(connection, c -> Collections.synchronizedSet(new LinkedHashSet<>()));
        synchronized (ids) {
            ids.remove(eventId);
            ids.add(eventId);
            if (ids.size() > MAX_AWAITING) {
                ids.remove(ids.iterator().next());
            }
        }
    }

    /** The connection has closed. */
    public void forget(Connection connection) {
        awaiting.remove(connection);
        Set<String> players = playersOf.remove(connection);
        if (players == null) {
            return;
        }
        for (String player : players) {
            byPlayer.computeIfPresent(player, (p, connections) -> {
                connections.remove(connection);
                return connections.isEmpty() ? null : connections;
            });
        }
    }

    /**
     * The verdict of an action sent over HTTP, once the job decides; completes with null when it
     * does not within {@code timeout} (the action may still be decided: the client retries the id).
     */
    public CompletableFuture<Verdict> request(String eventId, Duration timeout) {
        CompletableFuture<Verdict> answer = new CompletableFuture<>();
        requests.put(eventId, answer);
        return answer.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((v, e) -> requests.remove(eventId, answer));
    }

    /** A verdict from the job; returns how many connections it was handed to. */
    public int deliver(Verdict verdict) {
        String eventId = verdict.eventId();
        CompletableFuture<Verdict> request = requests.remove(eventId);
        if (request != null) {
            request.complete(verdict);
        }
        Set<Connection> connections = byPlayer.getOrDefault(verdict.playerId(), Set.of());
        Frame frame = Frame.verdict(verdict);
        int sent = 0;
        for (Connection c : connections) {
            Set<String> ids = awaiting.get(c);
            if (ids != null && ids.remove(eventId)) {
                c.send(frame);
                sent++;
            }
        }
        boolean first = delivered.add(eventId);
        if (sent == 0 && first) {
            for (Connection c : connections) {
                c.send(frame);
                sent++;
            }
        }
        return sent;
    }
}
