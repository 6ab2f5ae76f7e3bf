/**
 * The job's throughput ({@link dev.scoreline.bench.job.JobBench}): the match and the table job on
 * a MiniCluster with RocksDB and checkpoints against a stateless pass-through of the same topic
 * set up the same way, so the difference is the job's own work; and the scorer and the job's
 * per-event work alone, one thread, without Flink, Kafka or RocksDB ({@link
 * dev.scoreline.bench.job.ScorerBench}).
 *
 * <p>Inputs are made from the recorded matches (copies under new ids) and simulated tables, so a
 * run is reproducible; the job under test is {@code LocalJob} as the local mode runs it.
 */
package dev.scoreline.bench.job;
