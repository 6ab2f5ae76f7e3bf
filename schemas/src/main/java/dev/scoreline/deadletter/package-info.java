/**
 * The dead letter: what the job writes to {@code dead-letters} for a record it could not accept,
 * with enough to find the record again (topic, partition, offset, key) and a stable reason code
 * that monitoring can count.
 *
 * <p>A plain record bound to {@code dead-letter.schema.json}; it depends on nothing of the project,
 * so any consumer of the topic can use it without the job.
 */
package dev.scoreline.deadletter;
