/**
 * The events of the {@code match-events} topic ({@link dev.scoreline.match.event.MatchEvent}),
 * bound to {@code match-event.schema.json}: what a live score feed knows, ball by ball, and what
 * the officials announce at the end. They carry facts, never conclusions: the scorer
 * ({@code dev.scoreline.match} in the job) computes what the balls decide.
 *
 * <p>Records only; they depend on {@code dev.scoreline.event} and Jackson's annotations, nothing
 * of the job, so a feed or a converter can produce them without it.
 */
package dev.scoreline.match.event;
