package dev.scoreline.wallet.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.scoreline.event.EntityEvent;

/**
 * An event on the {@code wallet-events} topic, keyed by the player whose wallet it moves. Chips
 * enter the game only by a {@link Credit} and leave it only by a {@link Debit}, both the game
 * backend's; a player's {@link SitRequest} (from a gateway) reserves a buy-in; the tables answer
 * with {@link SeatTaken} or {@link SeatRefused} and give stacks back with {@link StackReturn}. A
 * player's {@link BetRequest} reserves a stake; the match answers with {@link BetTaken} or {@link
 * BetRefused}, pays with {@link BetSettled} and takes a payment back after a correction with {@link
 * BetUnsettled}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Credit.class, name = Credit.TYPE),
    @JsonSubTypes.Type(value = Debit.class, name = Debit.TYPE),
    @JsonSubTypes.Type(value = SitRequest.class, name = SitRequest.TYPE),
    @JsonSubTypes.Type(value = SeatTaken.class, name = SeatTaken.TYPE),
    @JsonSubTypes.Type(value = SeatRefused.class, name = SeatRefused.TYPE),
    @JsonSubTypes.Type(value = StackReturn.class, name = StackReturn.TYPE),
    @JsonSubTypes.Type(value = BetRequest.class, name = BetRequest.TYPE),
    @JsonSubTypes.Type(value = BetTaken.class, name = BetTaken.TYPE),
    @JsonSubTypes.Type(value = BetRefused.class, name = BetRefused.TYPE),
    @JsonSubTypes.Type(value = BetSettled.class, name = BetSettled.TYPE),
    @JsonSubTypes.Type(value = BetUnsettled.class, name = BetUnsettled.TYPE)
})
public sealed interface WalletEvent extends EntityEvent
        permits Credit, Debit, SitRequest, SeatTaken, SeatRefused, StackReturn, BetRequest, BetTaken, BetRefused,
                BetSettled, BetUnsettled {

    String playerId();

    @Override
    @JsonIgnore
    default String entityId() {
        return playerId();
    }
}
