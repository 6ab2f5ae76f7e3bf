/**
 * Flink's side of the cluster: the JobManager and TaskManagers started through Flink's own entry
 * points with the memory options Flink computes ({@link dev.scoreline.cluster.flink.FlinkProcesses}),
 * and the JobManager's REST API as {@code flink run} and the web UI use it ({@link
 * dev.scoreline.cluster.flink.FlinkRest}): jar upload and run, status, savepoints, checkpoints,
 * metrics.
 *
 * <p>It talks to Flink as an operator would, over processes and REST, and depends on nothing of
 * the job.
 */
package dev.scoreline.cluster.flink;
