package dev.scoreline.delta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One applied event, on the {@code state-changelog} topic: the event log that analysts and other
 * services rebuild or audit any state from.
 *
 * @param kind {@code match} or {@code table}
 * @param version the entity's version once this event is applied
 * @param event the event as applied (hidden information redacted while it must stay hidden)
 * @param changes every leaf of the public state that this event changed, before and after
 * @param revealed information that was hidden while play went on and may be published now (a
 *     hand's deal once the hand is over), null otherwise
 */
public record ChangeLogEntry(
        String kind,
        String entityId,
        String epoch,
        long version,
        String eventId,
        String eventType,
        Instant eventTime,
        JsonNode event,
        List<FieldChange> changes,
        JsonNode revealed) {

    public ChangeLogEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * @param path a JSON Pointer (RFC 6901) into the entity's public state
     * @param before the value before the event, null when the field did not exist
     * @param after the value after it, null when the field was removed
     */
    public record FieldChange(String path, JsonNode before, JsonNode after) {}
}
