/**
 * End to end, paced ({@link dev.scoreline.bench.e2e.EndToEndBench}): balls into Kafka, the match
 * job on a MiniCluster with RocksDB and checkpoints, a gateway, WebSocket clients; each ball's
 * delay measured until its delta is in Kafka and until a client reads it, against the batch
 * interval.
 *
 * <p>It runs the job and the gateway as {@code LocalJob} and {@code EdgeGateway} define them, and
 * reads frames with a small client of its own rather than the project's JavaScript client.
 */
package dev.scoreline.bench.e2e;
