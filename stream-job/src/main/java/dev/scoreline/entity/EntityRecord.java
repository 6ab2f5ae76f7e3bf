package dev.scoreline.entity;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the job keeps for one entity besides its event history and the event ids it has
 * seen: the state, its version and epoch, and per channel what has been published of it.
 *
 * @param epoch fixed when the entity is created; versions compare only within one epoch
 * @param version the number of events applied, from 1
 * @param channels per channel name, what was published and what changed since
 */
public record EntityRecord<S>(String epoch, long version, S state, Map<String, ChannelCursor> channels) {

    public EntityRecord {
        channels = channels == null ? Map.of() : new TreeMap<>(channels);
    }

    EntityRecord<S> with(long nextVersion, S nextState, Map<String, ChannelCursor> nextChannels) {
        return new EntityRecord<>(epoch, nextVersion, nextState, nextChannels);
    }
}
