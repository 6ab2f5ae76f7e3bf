package dev.scoreline.job;

import dev.scoreline.delta.ChangeLogEntry;
import dev.scoreline.delta.Delta;
import dev.scoreline.json.Json;
import dev.scoreline.match.event.MatchEvent;
import dev.scoreline.testkit.Await;
import dev.scoreline.testkit.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * When a channel has published everything its entity's events changed: the change log holds every
 * version up to the entity's last, and the deltas reach the last version that changed what the
 * channel shows (an event that changes nothing visible, such as a confirming innings end, moves
 * the entity's version but publishes nothing).
 */
final class Settled {

    private Settled() {}

    /** The last version of {@code entityId} whose event changed its public view, once all {@code events} are logged; -1 before. */
    static long lastVisibleVersion(List<ConsumerRecord<String, String>> changeLog, String entityId, int events) {
        List<ChangeLogEntry> entries = changeLog.stream()
                .filter(r -> entityId.equals(r.key()))
                .map(r -> Json.read(r.value(), ChangeLogEntry.class))
                .toList();
        if (entries.stream().mapToLong(ChangeLogEntry::version).distinct().count() < events) {
            return -1;
        }
        return entries.stream().filter(e -> !e.changes().isEmpty()).mapToLong(ChangeLogEntry::version).max().orElse(0);
    }

    static boolean published(List<ConsumerRecord<String, String>> deltas, String channel, long version) {
        return version >= 0 && deltas.stream()
                .filter(r -> channel.equals(r.key()))
                .map(r -> Json.read(r.value(), Delta.class))
                .anyMatch(d -> d.to() >= version);
    }

    /** True once every entity in {@code events} (id → event count) has logged and published everything. */
    static boolean all(Map<String, Integer> events, String channelPrefix, TopicReader changeLog, TopicReader deltas) {
        List<ConsumerRecord<String, String>> log = changeLog.read();
        List<ConsumerRecord<String, String>> published = deltas.read();
        return events.entrySet().stream().allMatch(e ->
                published(published, channelPrefix + e.getKey(), lastVisibleVersion(log, e.getKey(), e.getValue())));
    }

    static Map<String, Integer> counts(Map<String, List<MatchEvent>> matches) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        matches.forEach((id, events) -> counts.put(id, events.size()));
        return counts;
    }

    static void await(Map<String, Integer> events, TopicReader changes, TopicReader deltas) {
        await(events, "match:", changes, deltas);
    }

    /** Waits until {@link #all} holds, for at most two minutes. */
    static void await(Map<String, Integer> events, String channelPrefix, TopicReader changes, TopicReader deltas) {
        Await.until("the job to log and publish every event of " + events.keySet(), Duration.ofMinutes(2),
                () -> all(events, channelPrefix, changes, deltas));
    }
}
