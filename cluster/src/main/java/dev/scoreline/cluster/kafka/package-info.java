/**
 * Kafka's side of the cluster: each node a broker and controller of a three-voter KRaft quorum
 * run by Kafka's own {@code kafka.Kafka} entry point ({@link dev.scoreline.cluster.kafka.KafkaNode}),
 * and the project's topics with three replicas and two in sync for a write ({@link
 * dev.scoreline.cluster.kafka.ReplicatedTopics}), so one broker may die without refusing writes or
 * losing an acknowledged record.
 *
 * <p>Unlike {@code kafka-inprocess}, every broker is a process of its own, because the tests kill
 * them.
 */
package dev.scoreline.cluster.kafka;
