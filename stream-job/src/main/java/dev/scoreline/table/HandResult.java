package dev.scoreline.table;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How a hand ended.
 *
 * @param shown the seats whose cards were shown to the whole table, in seat order
 * @param winners one winner, or several when hands tie at a forced show
 */
public record HandResult(End how, List<Integer> shown, List<Winner> winners) {

    public HandResult {
        shown = List.copyOf(shown);
        winners = List.copyOf(winners);
    }

    public enum End {
        /** Every other player packed (or timed out, or left); nothing is shown. */
        OTHERS_PACKED("others packed"),
        /** The two last players compared hands. */
        SHOW("show"),
        /** The pot reached the table's limit and every hand still in play was shown. */
        POT_LIMIT("pot limit");

        private final String label;

        End(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }
}
