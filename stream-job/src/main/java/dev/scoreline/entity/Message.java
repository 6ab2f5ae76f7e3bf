package dev.scoreline.entity;

import dev.scoreline.event.EntityEvent;
import dev.scoreline.topic.Topic;

/**
 * An event one entity sends another after accepting one of its own events. Kafka is the only way
 * between entities: the job writes it to {@code topic} (as the job's options name it), keyed by
 * the receiving entity, and that entity's keyed function reads it like any input.
 *
 * @param event its id must be derived from the sending entity and its version, never random: a
 *     replay after a restore sends the same messages again, and the receiver de-duplicates them
 *     by id
 */
public record Message(Topic topic, EntityEvent event) {

    /** The Kafka key: the receiving entity. */
    public String key() {
        return event.entityId();
    }
}
