package dev.scoreline.table.event;

import java.time.Instant;

/** Closes the table between hands; it accepts nothing afterwards. Seated players keep their chips. */
public record TableClose(String eventId, String tableId, Instant eventTime) implements TableEvent {

    public static final String TYPE = "table.close";
}
