package dev.scoreline.entity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scoreline.delta.Channel;
import java.util.Map;

/**
 * The views of one state of an entity, kept with the state they were made of: they are current
 * while the entity's state is that very object, and otherwise the base from which the views of a
 * later state are made ({@link EntityRules#views(Object, Object, Map)} reuses their unchanged
 * branches). Rules that report their changes ({@link EntityRules#changes}) leave the views behind
 * their state between publications, and only a publication brings them up to date.
 *
 * @param state the state the views show (compared by identity: states are immutable)
 * @param byChannel the view of each channel, never modified once made
 */
public record Views<S>(S state, Map<Channel, JsonNode> byChannel) {

    /** Whether these are the views of {@code current} itself. */
    public boolean of(S current) {
        return state == current;
    }
}
