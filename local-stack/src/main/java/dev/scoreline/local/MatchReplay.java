package dev.scoreline.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.MatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Plays recorded matches into Kafka side by side, each from its own first event, at {@code speed}
 * times the pace its recorded times give (0 = as fast as possible). Each event is stamped with the
 * time it is sent, as a live feed stamps its balls: the bet delay compares a ball's time with the
 * times of the bets around it, which a gateway stamps now.
 */
final class MatchReplay {

    private record Scheduled(long offsetMillis, MatchEvent event) {}

    private final List<Scheduled> schedule = new ArrayList<>();

    MatchReplay(List<List<MatchEvent>> matches) {
        for (List<MatchEvent> match : matches) {
            if (match.isEmpty()) {
                continue;
            }
            long first = match.get(0).eventTime().toEpochMilli();
            for (MatchEvent event : match) {
                schedule.add(new Scheduled(event.eventTime().toEpochMilli() - first, event));
            }
        }
        schedule.sort(Comparator.comparingLong(Scheduled::offsetMillis));
    }

    /** The matches it replays, by id. */
    List<String> matchIds() {
        return schedule.stream().map(s -> s.event().matchId()).distinct().toList();
    }

    int events() {
        return schedule.size();
    }

    /** How long the whole replay takes at {@code speed}. */
    Duration length(double speed) {
        if (speed <= 0 || schedule.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) (schedule.get(schedule.size() - 1).offsetMillis() / speed));
    }

    /**
     * Sends every event, keyed by match id, waiting between them as the speed says.
     *
     * @param progress called after each event with the count sent so far
     * @param stop asked before each wait; true ends the replay early
     * @return how many events were sent
     */
    int run(Producer<String, String> producer, String topic, double speed, IntConsumer progress,
            BooleanSupplier stop) throws InterruptedException {
        long start = System.nanoTime();
        int sent = 0;
        for (Scheduled next : schedule) {
            if (speed > 0) {
                long dueNanos = start + (long) (next.offsetMillis() * 1_000_000 / speed);
                long wait;
                while ((wait = dueNanos - System.nanoTime()) > 0) {
                    if (stop.getAsBoolean()) {
                        return sent;
                    }
                    Thread.sleep(Math.min(200, Math.max(1, wait / 1_000_000)));
                }
            }
            if (stop.getAsBoolean()) {
                return sent;
            }
            ObjectNode live = (ObjectNode) Json.tree(next.event());
            live.put("eventTime", Instant.now().toString());
            producer.send(new ProducerRecord<>(topic, next.event().matchId(), Json.string(live)));
            progress.accept(++sent);
        }
        try {
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Kafka did not take every event: " + e.getMessage(), e);
        }
        return sent;
    }
}
