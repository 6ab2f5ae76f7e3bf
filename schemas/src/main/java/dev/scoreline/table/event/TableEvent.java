package dev.scoreline.table.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.scoreline.event.EntityEvent;

/**
 * An event on the {@code table-events} topic: what a Teen Patti table service knows, action by
 * action. It never carries a card or an outcome; the rules deal the cards from the hand's seed and
 * decide every show. {@link TurnTimeout} is the one kind the rules make themselves, at a turn's
 * deadline.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableOpen.class, name = TableOpen.TYPE),
    @JsonSubTypes.Type(value = PlayerSit.class, name = PlayerSit.TYPE),
    @JsonSubTypes.Type(value = PlayerLeave.class, name = PlayerLeave.TYPE),
    @JsonSubTypes.Type(value = HandStart.class, name = HandStart.TYPE),
    @JsonSubTypes.Type(value = CardsSee.class, name = CardsSee.TYPE),
    @JsonSubTypes.Type(value = Bet.class, name = Bet.TYPE),
    @JsonSubTypes.Type(value = Pack.class, name = Pack.TYPE),
    @JsonSubTypes.Type(value = Show.class, name = Show.TYPE),
    @JsonSubTypes.Type(value = SideShowRequest.class, name = SideShowRequest.TYPE),
    @JsonSubTypes.Type(value = SideShowAnswer.class, name = SideShowAnswer.TYPE),
    @JsonSubTypes.Type(value = TurnTimeout.class, name = TurnTimeout.TYPE),
    @JsonSubTypes.Type(value = TableClose.class, name = TableClose.TYPE)
})
public sealed interface TableEvent extends EntityEvent permits TableOpen, HandStart, TableClose, PlayerEvent {

    String tableId();

    @Override
    @JsonIgnore
    default String entityId() {
        return tableId();
    }
}
