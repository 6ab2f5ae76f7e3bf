package dev.scoreline.job;

import dev.scoreline.entity.EntityRules;
import dev.scoreline.event.EntityEvent;
import java.io.Serializable;
import java.util.function.Supplier;

/** Makes the rules on the task manager, so that the rules themselves need not be serializable. */
@FunctionalInterface
public interface RulesFactory<S, E extends EntityEvent> extends Supplier<EntityRules<S, E>>, Serializable {}
