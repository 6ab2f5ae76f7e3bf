package dev.scoreline.match.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.scoreline.event.EntityEvent;

/**
 * An event on the {@code match-events} topic: what a live score feed knows, ball by ball, and what
 * the officials announce at the end ({@link MatchEnd}). The scorer computes whatever the balls
 * decide. The players' bets ({@link BetPlace}) share the match's partition, so that one log orders
 * the balls and the bets.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MatchStart.class, name = MatchStart.TYPE),
    @JsonSubTypes.Type(value = InningsStart.class, name = InningsStart.TYPE),
    @JsonSubTypes.Type(value = InningsTarget.class, name = InningsTarget.TYPE),
    @JsonSubTypes.Type(value = Delivery.class, name = Delivery.TYPE),
    @JsonSubTypes.Type(value = PenaltyRuns.class, name = PenaltyRuns.TYPE),
    @JsonSubTypes.Type(value = DeliveryUndo.class, name = DeliveryUndo.TYPE),
    @JsonSubTypes.Type(value = InningsEnd.class, name = InningsEnd.TYPE),
    @JsonSubTypes.Type(value = MatchEnd.class, name = MatchEnd.TYPE),
    @JsonSubTypes.Type(value = BetPlace.class, name = BetPlace.TYPE)
})
public sealed interface MatchEvent extends EntityEvent
        permits MatchStart, InningsStart, InningsTarget, Delivery, PenaltyRuns, DeliveryUndo, InningsEnd, MatchEnd,
                BetPlace {

    String matchId();

    @Override
    @JsonIgnore
    default String entityId() {
        return matchId();
    }
}
