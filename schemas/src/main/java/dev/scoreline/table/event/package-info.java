/**
 * The events of the {@code table-events} topic ({@link dev.scoreline.table.event.TableEvent}),
 * bound to {@code table-event.schema.json}: what a Teen Patti table service knows, action by
 * action. They never carry a card or an outcome: the rules ({@code dev.scoreline.table} in the job)
 * deal from the hand's seed and decide every show, so a table service cannot leak a hand.
 *
 * <p>Records only; they depend on {@code dev.scoreline.event} and Jackson's annotations, nothing
 * of the job.
 */
package dev.scoreline.table.event;
