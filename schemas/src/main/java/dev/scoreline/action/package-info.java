/**
 * What players ask of an entity through a gateway and what the job answers: the ids that make an
 * action a retryable, once-only event ({@link dev.scoreline.action.Actions}), the kinds a client
 * may send, and the job's {@link dev.scoreline.action.Verdict} on the {@code verdicts} topic.
 */
package dev.scoreline.action;
