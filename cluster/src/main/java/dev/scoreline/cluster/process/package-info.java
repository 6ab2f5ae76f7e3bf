/**
 * Processes as the cluster starts, remembers and stops them: the JVM to start with its log ({@link
 * dev.scoreline.cluster.process.JvmCommand}) and the record kept of one that was started ({@link
 * dev.scoreline.cluster.process.ProcessRecord}: alive, kill -9, SIGTERM then SIGKILL). The record
 * keeps the start instant beside the pid, so a later process that got the same pid is never taken
 * for it (nor killed in its place).
 *
 * <p>Plain process handling with no knowledge of Kafka, Flink or the gateway.
 */
package dev.scoreline.cluster.process;
