package dev.scoreline.ticker.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.scoreline.event.EntityEvent;

/**
 * An event on the {@code ticker-events} topic, keyed by the one ticker ({@code scores}). The job
 * writes them itself: the match rules send a {@link MatchLine} whenever a match's line changes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = MatchLine.class, name = MatchLine.TYPE)})
public sealed interface TickerEvent extends EntityEvent permits MatchLine {

    String tickerId();

    @Override
    @JsonIgnore
    default String entityId() {
        return tickerId();
    }
}
