package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;

/**
 * One entry of a hand's public action log.
 *
 * @param amount the chips paid, for the moves that pay; null otherwise
 * @param time the event time of the move (a time-out's is its turn's deadline)
 */
public record HandAction(int seat, String playerId, Move move, Long amount, Instant time) {

    public enum Move {
        SEE("see"),
        BLIND("blind"),
        CHAAL("chaal"),
        PACK("pack"),
        TIMEOUT("timeout"),
        LEAVE("leave"),
        SHOW("show"),
        SIDESHOW("sideshow"),
        ACCEPT("accept"),
        DENY("deny"),
        /** Packed because the other hand of an accepted side show was higher (or tied, for the asker). */
        OUTRANKED("outranked");

        private final String label;

        Move(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }
}
