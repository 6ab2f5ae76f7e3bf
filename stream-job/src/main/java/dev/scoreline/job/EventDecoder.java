package dev.scoreline.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scoreline.action.Actions;
import dev.scoreline.deadletter.DeadLetter;
import dev.scoreline.event.EntityEvent;
import dev.scoreline.json.Json;
import dev.scoreline.json.MessageSchema;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Turns a Kafka record into an event, or into a dead letter that says why it is not one: too
 * large, not JSON, or not valid against the topic's JSON Schema.
 *
 * <p>A player's action (an event with an {@link Actions action id}) takes Kafka's time as its event
 * time, the record's timestamp, in place of the time the gateway wrote: a move is in time when
 * Kafka has it before the turn's deadline, so no gateway's clock can give a player more time. The
 * input topic appends with the broker's clock ({@code message.timestamp.type=LogAppendTime}).
 */
public final class EventDecoder<E extends EntityEvent> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<E> eventType;
    private final String schemaName;
    private final int maxRecordBytes;
    private transient MessageSchema schema;

    public EventDecoder(Class<E> eventType, String schemaName, int maxRecordBytes) {
        this.eventType = eventType;
        this.schemaName = schemaName;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** @param timestamp the record's Kafka timestamp in epoch milliseconds, negative when it has none */
    public Incoming<E> decode(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) {
        String keyText = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (value == null || value.length == 0) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.MALFORMED_JSON,
                    "the record has no value", List.of());
        }
        if (value.length > maxRecordBytes) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.OVERSIZED,
                    "the record has " + value.length + " bytes, more than the limit of " + maxRecordBytes, List.of());
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.MALFORMED_JSON,
                    "not JSON: " + e.getOriginalMessage() + locationOf(e), List.of());
        } catch (IOException e) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.MALFORMED_JSON,
                    "not JSON: " + e.getMessage(), List.of());
        }
        if (tree == null || tree.isMissingNode()) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.MALFORMED_JSON,
                    "the record holds no JSON value", List.of());
        }
        List<MessageSchema.Violation> violations = schema().validate(tree);
        if (!violations.isEmpty()) {
            List<String> errors = violations.stream().map(v -> v.path() + ": " + v.message()).toList();
            return reject(topic, partition, offset, keyText, value, DeadLetter.SCHEMA_VIOLATION,
                    "not a valid " + schemaName + ": " + errors.get(0)
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    errors);
        }
        if (timestamp >= 0 && tree instanceof ObjectNode event
                && Actions.of(event.path("eventId").textValue()).isPresent()) {
            event.put("eventTime", Instant.ofEpochMilli(timestamp).toString());
        }
        try {
            return Incoming.of(new Sourced<>(Json.convert(tree, eventType), topic, partition, offset));
        } catch (IllegalArgumentException e) {
            return reject(topic, partition, offset, keyText, value, DeadLetter.SCHEMA_VIOLATION,
                    "valid JSON that does not bind to " + eventType.getSimpleName() + ": " + e.getMessage(), List.of());
        }
    }

    private MessageSchema schema() {
        if (schema == null) {
            schema = MessageSchema.named(schemaName);
        }
        return schema;
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private Incoming<E> reject(String topic, int partition, long offset, String key, byte[] value,
            String reason, String message, List<String> errors) {
        return Incoming.rejected(DeadLetters.of(topic, partition, offset, key,
                value == null ? null : new String(value, StandardCharsets.UTF_8), reason, message, errors));
    }
}
