/**
 * What every input event has in common ({@link dev.scoreline.event.EntityEvent}): an id for
 * de-duplication, the entity it belongs to, and its time, which drives every time-dependent rule so
 * that a replay gives the same state.
 *
 * <p>The root of the event hierarchies of the match, table and ticker packages; it depends on
 * nothing of the project.
 */
package dev.scoreline.event;
