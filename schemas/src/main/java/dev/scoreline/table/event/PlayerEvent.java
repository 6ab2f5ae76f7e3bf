package dev.scoreline.table.event;

/** A table event that one player makes (or, for a time-out, fails to make). */
public sealed interface PlayerEvent extends TableEvent
        permits PlayerSit, PlayerLeave, CardsSee, Bet, Pack, Show, SideShowRequest, SideShowAnswer, TurnTimeout {

    String playerId();
}
