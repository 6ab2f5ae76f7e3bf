/**
 * What the tests of every module share, so that a test says what it checks and not how it talks to
 * a gateway or a broker: {@link dev.scoreline.testkit.WsClient} (the gateway's WebSocket protocol,
 * folding each channel into a {@link dev.scoreline.testkit.ChannelView}),
 * {@link dev.scoreline.testkit.RawWebSocket} (a client that misbehaves on purpose),
 * {@link dev.scoreline.testkit.SseClient}, {@link dev.scoreline.testkit.TestBroker} (one in-process
 * Kafka a JVM), {@link dev.scoreline.testkit.Kafka} and {@link dev.scoreline.testkit.TopicReader}
 * for producing and reading topics, {@link dev.scoreline.testkit.Await} for waiting on a condition,
 * {@link dev.scoreline.testkit.Feeds} for interleaving feeds, and {@link dev.scoreline.testkit.Chromium}
 * for the browser tests.
 *
 * <p>It does not depend on stream-job, whose tests use it: a kit that needed the job's code would
 * make a cycle. The recorded matches as events live in stream-job's test-jar
 * ({@code dev.scoreline.match.cricsheet.CricsheetRecords}).
 */
package dev.scoreline.testkit;
