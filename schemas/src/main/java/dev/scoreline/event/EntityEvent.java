package dev.scoreline.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What every input event carries, whatever its entity: an id that makes redelivery harmless, the
 * key of the entity it changes, and the time it happened (which, not the wall clock, drives every
 * time-dependent rule so that a replay gives the same state).
 */
public interface EntityEvent {
    String eventId();

    String entityId();

    Instant eventTime();

    /**
     * The event's kind as written in its {@code type} field: the name that the {@code @JsonSubTypes}
     * of its event interface gives its class.
     */
    @JsonIgnore
    default String type() {
        return EventTypes.of(getClass());
    }
}
