/**
 * A real single-node Kafka broker in KRaft mode inside the JVM ({@link
 * dev.scoreline.kafka.InProcessKafka}), with its log in a directory that survives restarts: what
 * the tests, {@code ./scoreline kafka} and the demo run against, so that nothing needs Docker or an
 * installed Kafka and every test talks to a real broker, not a mock.
 *
 * <p>It depends on Kafka alone, nothing of the project: which topics to create is the caller's
 * business ({@code dev.scoreline.topic.Topic}). One broker per data directory, enforced across
 * processes, because Kafka itself notices a second one only after it may have written.
 */
package dev.scoreline.kafka;
