package dev.scoreline.table.event;

import java.time.Instant;

/**
 * The player whose action was awaited did not act by the turn's deadline, so they pack. The rules
 * make this event themselves when the deadline passes; its id, {@code <tableId>:timeout:<hand>:<turn>},
 * comes from the state so that a replay makes the same one.
 *
 * @param hand the hand number
 * @param turn the turn within the hand that timed out
 */
public record TurnTimeout(
        String eventId,
        String tableId,
        Instant eventTime,
        String playerId,
        int hand,
        int turn)
        implements PlayerEvent {

    public static final String TYPE = "turn.timeout";
}
