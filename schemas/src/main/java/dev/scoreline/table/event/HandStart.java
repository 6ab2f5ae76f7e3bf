package dev.scoreline.table.event;

import java.time.Instant;

/**
 * Deals a hand to every seated player who can pay the boot.
 *
 * @param seed the deck is shuffled from it alone, so the same seed always deals the same cards;
 *     hidden from the public change log until the hand is over (it would give every card away)
 */
public record HandStart(String eventId, String tableId, Instant eventTime, long seed) implements TableEvent {

    public static final String TYPE = "hand.start";
}
