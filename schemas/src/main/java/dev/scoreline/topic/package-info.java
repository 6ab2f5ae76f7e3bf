/**
 * The project's Kafka topics ({@link dev.scoreline.topic.Topic}): their default names and the
 * settings they are created with (retention of deltas, compaction of snapshots). The local mode,
 * the cluster, the tests and the deployment files all create topics from here, so the settings
 * live in one place.
 *
 * <p>Names and settings only: no Kafka client, so the job, the gateway and the tools can all use
 * it.
 */
package dev.scoreline.topic;
