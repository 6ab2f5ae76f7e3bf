/**
 * The events of the {@code ticker-events} topic ({@link dev.scoreline.ticker.event.TickerEvent}),
 * bound to {@code ticker-event.schema.json}: a match's new line for the ticker. Only the job writes
 * them (the match rules, as messages between entities); they are a schema of their own because
 * they cross Kafka like any input.
 *
 * <p>Records only; they depend on {@code dev.scoreline.event} and Jackson's annotations, nothing
 * of the job.
 */
package dev.scoreline.ticker.event;
