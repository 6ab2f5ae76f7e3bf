/**
 * What the job publishes about an entity and what a client subscribes to: the {@link
 * dev.scoreline.delta.Channel} names, the {@link dev.scoreline.delta.Delta} and
 * {@link dev.scoreline.delta.Snapshot} of a channel, and the {@link
 * dev.scoreline.delta.ChangeLogEntry} of an applied event. Together they carry the version
 * contract of docs/topics.md ("Versions and deltas"), which the job, every gateway and every
 * client rely on; a change here is a change of the wire and of the topics.
 *
 * <p>Records only, bound to their JSON Schemas: no Flink, no Kafka, no Undertow, so the job and the
 * gateway share them without depending on each other.
 */
package dev.scoreline.delta;
