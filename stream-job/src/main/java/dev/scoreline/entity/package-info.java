/**
 * The entity engine: what every kind of entity (a match, a table, the ticker) shares, kept apart
 * from what each kind decides. {@link dev.scoreline.entity.EntityRules} is the contract a kind
 * implements (a pure, deterministic fold of its events and the views clients see);
 * {@link dev.scoreline.entity.EntityEngine} adds versions, epochs, de-duplication, deadlines, the
 * change log and what each channel publishes next; {@link dev.scoreline.entity.Message} is how one
 * entity sends another an event, through Kafka and nothing else.
 *
 * <p>No Flink here, and no rules of any kind: the keyed function in {@code dev.scoreline.job} is
 * a shell around the engine, and the rules packages implement {@code EntityRules} without knowing
 * about the job. Keeping Flink out is what lets the engine be tested and timed as plain Java (the
 * scorer benchmark runs it without Flink, Kafka or RocksDB). The contract it keeps towards clients
 * is docs/topics.md ("Versions and deltas"); how it fits in the job, docs/architecture.md.
 */
package dev.scoreline.entity;
