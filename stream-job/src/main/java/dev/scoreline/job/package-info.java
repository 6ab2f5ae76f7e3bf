/**
 * The Flink job: its graph ({@link dev.scoreline.job.ScorelineJob}: per entity kind, Kafka source,
 * decode with dead letters aside, keyBy entity id, the keyed function, one Kafka sink), its options
 * ({@link dev.scoreline.job.JobOptions}), the keyed function and operator that run the entity
 * engine over RocksDB state ({@link dev.scoreline.job.EntityStateFunction},
 * {@link dev.scoreline.job.EntityStateOperator}), and the job on a MiniCluster for the local mode
 * and tests ({@link dev.scoreline.job.LocalJob}).
 *
 * <p>This is the only package of the job's main code that knows Flink and Kafka (with
 * {@code serde} beside it): the rules ({@code match}, {@code table}, {@code ticker}) and the
 * engine ({@code entity}) must not depend on it, so it adds entity kinds by wiring them in
 * {@link dev.scoreline.job.EntityKinds}, never by changing them. Operator uids and entity kind
 * names are part of every savepoint: never rename them. How the state is kept is
 * docs/architecture.md ("How the job keeps its state").
 */
package dev.scoreline.job;
