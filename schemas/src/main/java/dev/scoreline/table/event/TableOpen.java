package dev.scoreline.table.event;

import java.time.Instant;

/** Opens a table with its configuration; the first event of every table. */
public record TableOpen(String eventId, String tableId, Instant eventTime, TableConfig config) implements TableEvent {

    public static final String TYPE = "table.open";
}
