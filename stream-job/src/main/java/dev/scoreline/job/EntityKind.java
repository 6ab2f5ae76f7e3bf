package dev.scoreline.job;

import dev.scoreline.event.EntityEvent;
import java.io.Serializable;

/**
 * One kind of entity the job runs: where its events come from, how they are checked, and its
 * rules. The {@code name} is part of every operator uid, so it must never change once a job has
 * taken a savepoint.
 */
public record EntityKind<S, E extends EntityEvent>(
        String name,
        String inputTopic,
        String schemaName,
        Class<E> eventType,
        Class<S> stateType,
        RulesFactory<S, E> rules)
        implements Serializable {}
